import type { z } from "zod";

/**
 * A job: a name, a payload schema, a retry policy and an idempotent handler. A retry or a second
 * worker running the same job must change nothing twice; handlers keep their idempotency key in the
 * database.
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  expireInSeconds?: number;
  /** pg-boss queue policy (default standard); "stately" + singletonKey = at most one waiting job per key. */
  policy?: "standard" | "short" | "singleton" | "stately";
  /** Cron expression (UTC) for jobs the runner schedules itself. */
  cron?: string;
  handler: (payload: z.infer<S>, job: { id: string; name: string }) => Promise<void>;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
