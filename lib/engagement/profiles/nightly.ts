import "server-only";
import { requireSystem, withTransaction, type Ctx } from "@/lib/context";
import { recomputeRfm } from "./internal/recompute-rfm";
import { refreshTraits } from "./internal/refresh-traits";

/**
 * The nightly profile run (job engagement.recompute-rfm, and after a time-machine jump): every
 * lender's and borrower's traits rebuilt as of now(), then the day's RFM scores — in one transaction,
 * so segments never see scores from one day over traits from another.
 */
export async function runNightlyProfiles({ ctx }: { ctx: Ctx }): Promise<{ profiles: number; scored: number }> {
  requireSystem(ctx);
  return withTransaction(ctx, async (tx) => {
    const profiles = await refreshTraits(tx, {});
    const { scored } = await recomputeRfm(tx);
    return { profiles, scored };
  });
}
