import "server-only";
import { enqueue } from "@/lib/jobs/boss";
import { dailyServicingJob } from "@/lib/jobs/definitions/loans/daily-servicing";
import type { TimeJumpHook } from "@/lib/system";

/** Catch up with the new date right away (due dates, late fees, defaults) instead of at the next hourly run. */
export const loansTimeJump: TimeJumpHook = {
  area: "loans",
  catchUp: async (tx) => {
    await enqueue(tx, dailyServicingJob, {});
  },
};
