import "server-only";
import { enqueue } from "@/lib/jobs/boss";
import { refreshSegmentsJob } from "@/lib/jobs/definitions/engagement/refresh-segments";
import type { TimeJumpHook } from "@/lib/system";

/**
 * After a time-machine jump every relative window has moved ("not active in 30 days", "due in 3 days"):
 * all segments are refreshed once the jump commits. Its own singleton key, so a minute refresh already
 * waiting in the queue does not swallow it.
 */
export const segmentsTimeJump: TimeJumpHook = {
  area: "engagement",
  catchUp: async (tx) => {
    await enqueue(tx, refreshSegmentsJob, { scope: "all" }, { singletonKey: "after-time-jump" });
  },
};
