import "server-only";
import { eq } from "drizzle-orm";
import { kycProfiles } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict } from "@/lib/errors";
import { kycViewOf, lockProfile, stepsOf, type KycView } from "./internal/profile";
import { KYC_STEPS } from "./schemas";

/**
 * Sends the verification to the admin review queue once every step is saved. After a rejection the
 * rejected steps must be saved again first; approved steps stay approved.
 */
export async function submitKyc({ ctx }: { ctx: Ctx }): Promise<KycView> {
  const actor = requireRole(ctx, "lender", "borrower");
  return withTransaction(ctx, async (tx) => {
    const profile = await lockProfile(tx, actor.userId);
    if (profile.status === "submitted") throw new Conflict("kyc_under_review", "Your verification is already being reviewed.");
    if (profile.status === "approved") throw new Conflict("kyc_already_approved", "Your identity is already verified.");
    const rows = await stepsOf(tx, actor.userId);
    const status = new Map(rows.map((r) => [r.step, r.status]));
    const missing = KYC_STEPS.filter((s) => !["completed", "approved"].includes(status.get(s) ?? "pending"));
    if (missing.length > 0) {
      throw new Conflict("kyc_incomplete", `Complete these steps before submitting: ${missing.join(", ")}.`, { missing });
    }
    const at = now();
    const version = profile.version + 1;
    await tx
      .update(kycProfiles)
      .set({ status: "submitted", submittedAt: at, decidedAt: null, decidedBy: null, currentStep: null, version, updatedAt: at })
      .where(eq(kycProfiles.id, profile.id));
    await track(tx, { name: "kyc_submitted", userId: actor.userId, properties: { version, resubmission: version > 1 }, context: ctx.request });
    return kycViewOf(tx, actor.userId);
  });
}
