import { z } from "zod";
import { defineJob } from "../../types";

/** Disburses a fully funded loan whose borrower has accepted the agreement (idempotent: the loan's status is the key). */
export const disburseLoanJob = defineJob({
  name: "loans.disburse",
  version: 1,
  payload: z.object({ loanId: z.string().uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
});
