import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Reinvest: a lender's cash arrived (top-up paid, repayment distributed); their reinvest strategies
 * run against the loans still open to auto-purchase. The "stately" queue policy with the lender id
 * as singleton key keeps at most one waiting job per lender, so a burst of repayments costs one run.
 */
export const matchLenderJob = defineJob({
  name: "autopurchase.match-lender",
  version: 1,
  payload: z.object({ lenderId: z.string().uuid() }),
  retryLimit: 3,
  retryDelaySeconds: 30,
  retryBackoff: true,
  policy: "stately",
});
