import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Keeps segment membership (and the traits it reads) current within seconds of an event: drains the
 * events committed since the "segments" cursor, refreshes the touched users' traits and the segments
 * those events can change, for those users only. A run drains every half second for about 30 s, then
 * re-enqueues itself to start about a second later; the queue is stately (at most one waiting and one running job), so there is one chain,
 * and the cron every minute restarts it if it ever stopped (a crash between the job and its successor).
 * No retries: the next link of the chain is the retry, and the cursor only moves when a drain commits.
 */
export const processEventsJob = defineJob({
  name: "engagement.process-events",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 0,
  retryDelaySeconds: 1,
  retryBackoff: false,
  expireInSeconds: 5 * 60, // a run lasts ~30 s
  policy: "stately",
  cron: "* * * * *",
});

/** How long one run keeps draining (in a working runner), how often it drains, and the pause before the next run. */
export const PROCESS_EVENTS_RUN_MS = 30_000;
export const PROCESS_EVENTS_POLL_MS = 500;
export const PROCESS_EVENTS_INTERVAL_MS = 1_000;
