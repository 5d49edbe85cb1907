import "server-only";
import { requireSystem, withTransaction, type Ctx } from "@/lib/context";
import { enqueue } from "@/lib/jobs/boss";
import { refreshSegmentsJob } from "@/lib/jobs/definitions/engagement/refresh-segments";
import { recomputeRfm } from "./internal/recompute-rfm";
import { refreshTraits } from "./internal/refresh-traits";

/**
 * The nightly profile run (job engagement.recompute-rfm, and after a time-machine jump): every
 * lender's and borrower's traits rebuilt as of now(), then the day's RFM scores — in one transaction,
 * so segments never see scores from one day over traits from another. Then every segment is refreshed
 * (enqueued in the same transaction): the RFM segments and trait conditions follow the new scores, and
 * a time jump's own segment refresh, which may run first, is followed by one that sees them.
 */
export async function runNightlyProfiles({ ctx }: { ctx: Ctx }): Promise<{ profiles: number; scored: number }> {
  requireSystem(ctx);
  return withTransaction(ctx, async (tx) => {
    const profiles = await refreshTraits(tx, {});
    const { scored } = await recomputeRfm(tx);
    await enqueue(tx, refreshSegmentsJob, { scope: "all" }, { singletonKey: "after-nightly-profiles" });
    return { profiles, scored };
  });
}
