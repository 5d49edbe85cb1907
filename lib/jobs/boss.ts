import "server-only";
import PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import { getDatabase, type DbOrTx } from "@/db";
import { toDriverParam } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { env } from "@/lib/env";
import { syncClock } from "@/lib/system/time-machine";
import { logger } from "@/lib/logger";
import { JOBS, jobByName } from "./registry";
import type { JobDefinition } from "./types";
import type { z } from "zod";
import { beat } from "./heartbeat";

type BossState = { boss?: PgBoss; starting?: Promise<PgBoss>; working: boolean; timer?: NodeJS.Timeout };
const store = globalThis as unknown as { __lumbungBoss?: BossState };
const state: BossState = (store.__lumbungBoss ??= { working: false });

function createBoss(): PgBoss {
  const handle = getDatabase();
  const common = {
    schema: "pgboss",
    // Completed jobs are kept a week, failed ones stay visible to admins until then too.
    deleteAfterDays: 7,
    archiveCompletedAfterSeconds: 60 * 60,
  };
  const boss =
    handle.kind === "postgres"
      ? new PgBoss({ ...common, connectionString: env().DATABASE_URL!, max: 4, application_name: "lumbung-jobs" })
      : // PGlite has one connection in this process: pg-boss runs its SQL through it (multi-statement SQL via exec).
        new PgBoss({ ...common, db: { executeSql: (text, values) => handle.raw(text, values ?? []) } });
  boss.on("error", (error) => logger.error("job runner error", { error: String(error) }));
  return boss;
}

/**
 * Starts pg-boss. Every process that enqueues needs it started (without workers); with `work` the
 * process also takes jobs, and schedules the cron jobs.
 */
export async function startJobRunner({ work }: { work: boolean }): Promise<PgBoss> {
  if (state.boss && (!work || state.working)) return state.boss;
  state.starting ??= (async () => {
    const boss = createBoss();
    await boss.start();
    for (const def of JOBS) await ensureQueue(boss, def);
    return boss;
  })();
  const boss = await state.starting;
  state.boss = boss;
  if (work && !state.working) {
    state.working = true;
    for (const def of JOBS) {
      await boss.work(def.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        if (!job) return;
        await runHandler(def, job.data, { id: job.id, name: job.name });
      });
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: "UTC" });
    }
    await beat();
    // The heartbeat job proves the queue works; this keeps the row fresh even if the minute cron is late.
    state.timer = setInterval(() => void beat().catch(() => {}), 60_000);
    state.timer.unref();
  }
  return boss;
}

async function ensureQueue(boss: PgBoss, def: JobDefinition): Promise<void> {
  if (await boss.getQueue(def.name)) return;
  try {
    await boss.createQueue(def.name, {
      name: def.name,
      ...(def.policy ? { policy: def.policy } : {}),
      retryLimit: def.retryLimit,
      retryDelay: def.retryDelaySeconds,
      retryBackoff: def.retryBackoff,
      expireInSeconds: def.expireInSeconds ?? 15 * 60,
    });
  } catch (e) {
    // Another process created it at the same moment.
    if (!(await boss.getQueue(def.name))) throw e;
  }
}

export async function runHandler(def: JobDefinition, data: unknown, job: { id: string; name: string }): Promise<void> {
  await syncClock();
  const payload = def.payload.parse(data ?? {});
  try {
    await def.handler(payload, job);
  } catch (error) {
    logger.warn("job failed", { job: job.name, id: job.id, error: String(error) });
    throw error;
  }
}

export async function stopJobRunner(): Promise<void> {
  const boss = state.boss;
  if (state.timer) clearInterval(state.timer);
  state.boss = undefined;
  state.starting = undefined;
  state.working = false;
  if (boss) await boss.stop({ graceful: true, close: true, wait: true, timeout: 10_000 });
}

export function jobRunnerState(): { started: boolean; working: boolean } {
  return { started: Boolean(state.boss), working: state.working };
}

/**
 * pg-boss binds id lists as one array parameter (`$2::uuid[]`); drizzle would spread a JS array into a
 * list of parameters, so it goes as one array literal instead.
 */
function arrayAsLiteral(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return `{${value.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

/** pg-boss's SQL through a drizzle transaction, so a job is enqueued only if the change commits. */
export function executorFor(tx: DbOrTx) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = [];
      parts.forEach((part, i) => {
        if (i % 2 === 0) chunks.push(sql.raw(part));
        else chunks.push(sql`${arrayAsLiteral(toDriverParam(values[Number(part) - 1]))}`);
      });
      return { rows: rowsOf<Record<string, unknown>>(await tx.execute(sql.join(chunks))) };
    },
  };
}

export type EnqueueOptions = { startAfter?: Date; singletonKey?: string; id?: string };

/** Enqueues a job in the caller's transaction. */
export async function enqueue<S extends z.ZodType>(
  tx: DbOrTx,
  def: JobDefinition<S>,
  payload: z.infer<S>,
  opts: EnqueueOptions = {},
): Promise<string | null> {
  if (!state.boss && getDatabase().kind === "pglite") {
    // Starting pg-boss runs SQL on PGlite's single connection, which the caller's transaction holds.
    throw new Error("enqueue: start the job runner (startJobRunner) before enqueueing inside a transaction");
  }
  const boss = await startJobRunner({ work: false });
  const data = def.payload.parse(payload);
  return boss.send(def.name, data as object, {
    ...opts,
    retryLimit: def.retryLimit,
    retryDelay: def.retryDelaySeconds,
    retryBackoff: def.retryBackoff,
    db: executorFor(tx),
  });
}

export { jobByName };
