import "server-only";
import PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import { getDatabase, type DbOrTx } from "@/db";
import { toDriverParam } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { JOBS } from "./registry";
import type { JobDefinition } from "./types";
import type { z } from "zod";

/*
 * The queue: starting pg-boss and enqueueing. It knows the job definitions (./registry.ts) and no
 * handler, so every domain may import it to enqueue. Taking jobs is ./worker.ts, which alone imports
 * the handlers (./handlers.ts).
 */

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
 * Starts pg-boss and creates every job's queue, without taking jobs. Every process that enqueues needs
 * it started; a process that also takes jobs calls startJobRunner({ work: true }) (./worker.ts).
 */
export async function startJobQueue(): Promise<PgBoss> {
  if (state.boss) return state.boss;
  state.starting ??= (async () => {
    const boss = createBoss();
    await boss.start();
    for (const def of JOBS) await ensureQueue(boss, def);
    return boss;
  })();
  state.boss = await state.starting;
  return state.boss;
}

/**
 * For ./worker.ts only: marks this process as the one taking jobs. False when it already does; the
 * timer (the heartbeat's) is cleared by stopJobRunner.
 */
export function claimWorker(): { claimed: boolean; keepTimer: (timer: NodeJS.Timeout) => void } {
  if (state.working) return { claimed: false, keepTimer: () => {} };
  state.working = true;
  return { claimed: true, keepTimer: (timer) => (state.timer = timer) };
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
    throw new Error("enqueue: start the job queue (startJobQueue) before enqueueing inside a transaction");
  }
  const boss = await startJobQueue();
  const data = def.payload.parse(payload);
  return boss.send(def.name, data as object, {
    ...opts,
    retryLimit: def.retryLimit,
    retryDelay: def.retryDelaySeconds,
    retryBackoff: def.retryBackoff,
    db: executorFor(tx),
  });
}

