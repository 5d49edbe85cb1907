import "server-only";
import { getDb } from "@/db";
import { realNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { processSegmentEvents } from "@/lib/engagement";
import { enqueue } from "../../boss";
import { defineHandler } from "../../types";
import { PROCESS_EVENTS_INTERVAL_MS, processEventsJob } from "./process-events";

/**
 * Drains, then queues the next link of the chain about a second later (pg-boss compares start_after
 * with the database's wall clock, so the delay is measured on the real clock, not the time machine's).
 * The next link is queued even when this run fails, so one bad batch does not stop the chain; the
 * queue's stately policy keeps a single waiting job, so the minute cron and the chain never multiply.
 */
export const processEventsHandler = defineHandler(processEventsJob, async () => {
  try {
    await processSegmentEvents({ ctx: systemCtx("engagement.process-events") });
  } finally {
    await enqueue(getDb(), processEventsJob, {}, { startAfter: new Date(realNow().getTime() + PROCESS_EVENTS_INTERVAL_MS) });
  }
});
