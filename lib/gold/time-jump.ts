import "server-only";
import { enqueue } from "@/lib/jobs/boss";
import { runRecurringGoldBuysJob } from "@/lib/jobs/definitions/gold/run-recurring-buys";
import type { TimeJumpHook } from "@/lib/system";

/** Recurring gold buys due in the skipped period run now, each scheduled time once. */
export const goldTimeJump: TimeJumpHook = {
  area: "gold",
  catchUp: async (tx) => {
    await enqueue(tx, runRecurringGoldBuysJob, {});
  },
};
