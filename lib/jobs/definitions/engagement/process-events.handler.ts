import "server-only";
import { getDb } from "@/db";
import { realNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { processSegmentEvents } from "@/lib/engagement";
import { enqueue, jobRunnerState } from "../../boss";
import { defineHandler } from "../../types";
import { PROCESS_EVENTS_INTERVAL_MS, PROCESS_EVENTS_POLL_MS, PROCESS_EVENTS_RUN_MS, processEventsJob } from "./process-events";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In a worker, drains every half second for about 30 s (an empty drain is two small queries), so an
 * event reaches membership in about a second without a queued job per drain; called outside a working
 * runner (tests, a manual run) it drains once. It stops early when the runner stops. Then it queues the
 * next link of the chain about a second later (pg-boss compares start_after with the database's wall
 * clock, so the delay is on the real clock, not the time machine's) — even when this run failed, so one
 * bad batch does not stop the chain; the queue's stately policy keeps a single waiting job, so the
 * minute cron and the chain never multiply.
 */
export const processEventsHandler = defineHandler(processEventsJob, async () => {
  const until = realNow().getTime() + PROCESS_EVENTS_RUN_MS;
  try {
    for (;;) {
      await processSegmentEvents({ ctx: systemCtx("engagement.process-events") });
      if (!jobRunnerState().working || realNow().getTime() + PROCESS_EVENTS_POLL_MS >= until) break;
      await sleep(PROCESS_EVENTS_POLL_MS);
    }
  } finally {
    // A runner being stopped takes no new jobs: nothing to queue then.
    if (jobRunnerState().started) {
      await enqueue(getDb(), processEventsJob, {}, { startAfter: new Date(realNow().getTime() + PROCESS_EVENTS_INTERVAL_MS) });
    }
  }
});
