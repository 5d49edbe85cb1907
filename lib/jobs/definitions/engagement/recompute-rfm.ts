import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Nightly at 01:00 in Jakarta (18:00 UTC), and after every time-machine jump: rebuilds every profile's
 * traits and the day's RFM scores (lib/engagement/profiles/nightly.ts). Idempotent: a rerun on the same
 * day replaces that day's rfm_scores rows.
 */
export const recomputeRfmJob = defineJob({
  name: "engagement.recompute-rfm",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
  cron: "0 18 * * *",
});
