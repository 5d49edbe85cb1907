import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Scheduled segment refresh, every minute. `time_relative`: the segments whose rule has a relative
 * window ("not active in 30 days", "due in 3 days"), which change as the clock moves even when no event
 * arrives; `all`: every active segment (a safety net for anything the incremental refresh cannot see).
 * Without a scope (the cron's own runs) it is `all` at minute 0 of each hour and `time_relative` at the
 * other minutes. The time machine enqueues `all` after a jump. Idempotent: a rerun changes nothing.
 */
export const refreshSegmentsJob = defineJob({
  name: "engagement.refresh-segments",
  version: 1,
  payload: z.object({ scope: z.enum(["time_relative", "all"]).optional() }).passthrough(),
  retryLimit: 2,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
  policy: "stately",
  cron: "* * * * *",
});
