import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Hourly: runs every recurring gold buy that is due (by the clock, so a time-machine jump is caught
 * up run by run). Idempotent per plan and scheduled time through gold_recurring_runs and the trade's
 * idempotency key.
 */
export const runRecurringGoldBuysJob = defineJob({
  name: "gold.recurring-buys",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
  cron: "2 * * * *",
});
