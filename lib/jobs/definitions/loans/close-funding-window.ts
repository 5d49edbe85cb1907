import "server-only";
import { z } from "zod";
import { defineJob } from "../../types";

/** Scheduled at a loan's funding deadline: cancels it if not fully funded and releases the reservations. */
export const closeFundingWindowJob = defineJob({
  name: "loans.close-funding-window",
  payload: z.object({ loanId: z.string().uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  handler: async ({ loanId }) => {
    // Imported when run: the verb enqueues this job, so a static import would be circular.
    const { closeFundingWindow } = await import("@/lib/loans/funding-window");
    const { systemCtx } = await import("@/lib/context");
    await closeFundingWindow({ ctx: systemCtx("loans.close-funding-window"), loanId });
  },
});
