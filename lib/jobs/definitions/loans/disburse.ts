import "server-only";
import { z } from "zod";
import { defineJob } from "../../types";

/** Disburses a fully funded loan whose borrower has accepted the agreement (idempotent: the loan's status is the key). */
export const disburseLoanJob = defineJob({
  name: "loans.disburse",
  payload: z.object({ loanId: z.string().uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  handler: async ({ loanId }) => {
    const { disburseLoan } = await import("@/lib/loans/disburse");
    const { systemCtx } = await import("@/lib/context");
    await disburseLoan({ ctx: systemCtx("loans.disburse"), loanId });
  },
});
