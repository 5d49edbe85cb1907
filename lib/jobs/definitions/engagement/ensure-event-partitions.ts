import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Daily: creates the monthly partitions of `events` for this month and the next two (by the clock) and
 * gives a partition to any month whose rows the default partition caught, moving them in
 * (lib/engagement/events/internal/partitions.ts). Idempotent: existing partitions are left alone,
 * concurrent runs serialise on an advisory lock.
 */
export const ensureEventPartitionsJob = defineJob({
  name: "engagement.ensure-event-partitions",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 300,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
  cron: "17 1 * * *",
});
