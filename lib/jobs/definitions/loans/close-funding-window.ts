import { z } from "zod";
import { defineJob } from "../../types";

/** Scheduled at a loan's funding deadline: cancels it if not fully funded and releases the reservations. */
export const closeFundingWindowJob = defineJob({
  name: "loans.close-funding-window",
  version: 1,
  payload: z.object({ loanId: z.string().uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
});
