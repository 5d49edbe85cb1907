import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Daily: deletes browser-event receipts (client-made ids kept so a retried batch is stored once) older
 * than 7 days by the clock, in one set-based statement. Idempotent: a second run finds nothing older.
 */
export const pruneEventReceiptsJob = defineJob({
  name: "engagement.prune-event-receipts",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 300,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
  cron: "37 2 * * *",
});
