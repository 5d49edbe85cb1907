import "server-only";
import type { DbOrTx } from "@/db";
import { kycProfiles, kycSteps, riskAcknowledgements } from "@/db/schema";
import { now } from "@/lib/clock";
import { RISK_DISCLOSURE_VERSION } from "@/lib/lending/schemas";

/**
 * Test and bulk-seed fixture: records a lender as verified (KYC approved with a declared income, risk
 * check passed) without going through each step. The demo lender is verified through the real verbs
 * (db/seed); this exists so integration tests and the many seeded marketplace lenders stay fast.
 * Never called from a request path.
 */
export async function recordVerifiedLenderFixture(db: DbOrTx, userId: string, annualIncome = 100_000_000_000n): Promise<void> {
  const at = now();
  const [profile] = await db
    .insert(kycProfiles)
    .values({ userId, status: "approved", submittedAt: at, decidedAt: at, version: 1, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ id: kycProfiles.id });
  if (!profile) return;
  await db
    .insert(kycSteps)
    .values({ profileId: profile.id, userId, step: "occupation", data: { occupation: "entrepreneur", annualIncome: annualIncome.toString() }, status: "approved", updatedAt: at })
    .onConflictDoNothing();
  await db
    .insert(riskAcknowledgements)
    .values({ userId, version: RISK_DISCLOSURE_VERSION, disclosureAcceptedAt: at, quizPassedAt: at, answers: {} })
    .onConflictDoNothing();
}
