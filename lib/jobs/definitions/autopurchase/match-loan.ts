import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Auto-purchase for one loan: enqueued with the listing (lib/loans/review.ts) and again for when its
 * holdback ends (auto supply grows then). Idempotent: decisions are unique per (loan, lender) and the
 * matcher locks the loan row, so a retry or a second worker buys nothing twice.
 */
export const matchLoanJob = defineJob({
  name: "autopurchase.match-loan",
  version: 1,
  payload: z.object({ loanId: z.string().uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
});
