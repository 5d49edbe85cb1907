import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { syncClock } from "@/lib/system";
import { claimWorker, startJobQueue } from "./boss";
import { HANDLERS } from "./handlers";
import { beat } from "./heartbeat";
import { JOBS } from "./registry";
import type { JobHandler, JobMeta } from "./types";

/**
 * The job runner's start-up: the one module that imports the handlers (./handlers.ts). Imported by
 * process start-up only (lib/system/boot.ts, scripts/worker.ts) and by tests.
 *
 * Starts pg-boss (./boss.ts) and, with `work`, takes jobs in this process and schedules the cron jobs.
 */
export async function startJobRunner({ work }: { work: boolean }): Promise<PgBoss> {
  const boss = await startJobQueue();
  if (!work) return boss;
  const { claimed, keepTimer } = claimWorker();
  if (!claimed) return boss;
  for (const def of JOBS) {
    const handler = handlerFor(def.name);
    await boss.work(def.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      if (!job) return;
      await runHandler(handler, job.data, { id: job.id, name: job.name });
    });
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: "UTC" });
    if (def.startOnBoot) await boss.send(def.name, {});
  }
  await beat();
  // The heartbeat job proves the queue works; this keeps the row fresh even if the minute cron is late.
  const timer = setInterval(() => void beat().catch(() => {}), 60_000);
  timer.unref();
  keepTimer(timer);
  return boss;
}

function handlerFor(name: string): JobHandler {
  const handler = HANDLERS.find((h) => h.job.name === name);
  if (!handler) throw new Error(`job ${name} has a definition but no handler in lib/jobs/handlers.ts`);
  return handler;
}

/** Runs one job: the clock synced, the payload parsed by the definition's schema, then the handler. */
export async function runHandler(handler: JobHandler, data: unknown, job: JobMeta): Promise<void> {
  await syncClock();
  const payload = handler.job.payload.parse(data ?? {});
  try {
    await handler.run(payload, job);
  } catch (error) {
    logger.warn("job failed", { job: job.name, id: job.id, version: handler.job.version, error: String(error) });
    throw error;
  }
}
