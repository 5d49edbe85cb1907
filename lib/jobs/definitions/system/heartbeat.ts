import { z } from "zod";
import { defineJob } from "../../types";

/** Proves the job runner runs: every minute some worker takes this job and refreshes its heartbeat. */
export const heartbeatJob = defineJob({
  name: "system.heartbeat",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 0,
  retryDelaySeconds: 0,
  retryBackoff: false,
  expireInSeconds: 60,
  cron: "* * * * *",
});
