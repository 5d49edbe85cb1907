import type { z } from "zod";

/**
 * A job's definition: its name, version, payload schema, retry policy and (for jobs the runner
 * schedules itself) cron. It holds no code, so any domain can import it to enqueue
 * (`enqueue(tx, definition, payload)` in ./boss.ts); the handler that runs it lives in a file of its
 * own (`<job>.handler.ts` beside the definition) that only the worker's registry (./handlers.ts)
 * imports. Definition files import nothing but zod and this file.
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  /**
   * The payload's version. Jobs already in the queue were enqueued with the schema of their day:
   * a change old payloads no longer parse under needs a new version (and a handler that still reads
   * the old shape, or a new name) — bump it, and say what changed, next to the schema.
   */
  version: number;
  payload: S;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  expireInSeconds?: number;
  /** pg-boss queue policy (default standard); "stately" + singletonKey = at most one waiting job per key. */
  policy?: "standard" | "short" | "singleton" | "stately";
  /** Cron expression (UTC) for jobs the runner schedules itself. */
  cron?: string;
  /**
   * Also sent once (empty payload) when a runner starts taking jobs: a self-rescheduling chain such as
   * engagement.process-events starts at boot instead of at its first cron minute. Use with a "stately"
   * or "singleton" policy so several runners starting together queue one job.
   */
  startOnBoot?: boolean;
};

export type JobMeta = { id: string; name: string };

/**
 * A job's handler: the code the worker runs for one of its jobs. It must be idempotent — a retry or
 * a second worker running the same job changes nothing twice; handlers keep their idempotency key in
 * the database.
 */
export type JobHandler<S extends z.ZodType = z.ZodType> = {
  job: JobDefinition<S>;
  run: (payload: z.infer<S>, job: JobMeta) => Promise<void>;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export function defineHandler<S extends z.ZodType>(
  job: JobDefinition<S>,
  run: (payload: z.infer<S>, meta: JobMeta) => Promise<void>,
): JobHandler<S> {
  return { job, run };
}
