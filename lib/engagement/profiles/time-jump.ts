import "server-only";
import type { DbOrTx } from "@/db";
import { enqueue } from "@/lib/jobs/boss";
import { recomputeRfmJob } from "@/lib/jobs/definitions/engagement/recompute-rfm";

/**
 * After a time-machine jump the RFM scores (recency counts days) and the time-relative traits are
 * recomputed by the nightly job, enqueued in the jump's transaction. Typed structurally as
 * lib/system's TimeJumpHook: importing @/lib/system here would close an import cycle through the doors
 * (lib/system records events through @/lib/engagement).
 */
export const profilesTimeJump: { area: string; catchUp: (tx: DbOrTx) => Promise<void> } = {
  area: "engagement.profiles",
  catchUp: async (tx) => {
    await enqueue(tx, recomputeRfmJob, {});
  },
};
