import "server-only";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { kycViewOf, type KycView } from "./internal/profile";

/** The signed-in lender's (or borrower's) verification: progress, where to resume, rejection reasons. */
export async function getMyKyc({ ctx }: { ctx: Ctx }): Promise<KycView> {
  const actor = requireRole(ctx, "lender", "borrower");
  return kycViewOf(dbOf(ctx), actor.userId);
}
