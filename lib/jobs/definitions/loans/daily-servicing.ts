import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Hourly: services every loan whose last serviced day is before today (by the clock, so a time-machine
 * jump is caught up day by day). Idempotent per loan per day through servicing_runs.
 */
export const dailyServicingJob = defineJob({
  name: "loans.daily-servicing",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
  cron: "7 * * * *",
});
