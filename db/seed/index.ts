import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DatabaseHandle, Tx } from "@/db/client";
import { withSetupLock } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { hashPassword } from "@/lib/auth/password";
import { findUserByEmail } from "@/lib/auth/internal/users";
import { now } from "@/lib/clock";
import { trackMany } from "@/lib/engagement/internal/track";
import { notify } from "@/lib/notifications";
import { type Ctx } from "@/lib/context";
import { seedUserCtx } from "./acting";
import { approveKycStep, KYC_STEPS, saveKycStep, submitKyc } from "@/lib/kyc";
import { findProfile } from "@/lib/kyc/internal/profile";
import { sampleKycSteps } from "@/lib/kyc/sample-files";
import { acceptRiskDisclosure, answerRiskQuiz, getMyRiskStatus, RISK_DISCLOSURE_VERSION } from "@/lib/lending";
import { DEMO_ACCOUNTS, DEMO_KYC_WAITING_ACCOUNT, DEMO_PASSWORD } from "@/lib/system/demo-accounts";
import { seedWallets } from "./wallet";
import { seedLoans } from "./loans";
import { seedGold } from "./gold";
import { seedAutoPurchase } from "./autopurchase";
import { seedEngagementProfiles } from "./engagement-profiles";
import { seedSegments } from "./segments";

/**
 * Demo data. Idempotent: running it twice leaves one of everything. Each later feature extends it so
 * a newcomer sees that feature alive after `npm start`.
 *
 * The seed is the one part of db/ that calls domain code (password hashing, event tracking): demo data
 * must be made by the same rules as real data.
 */
export async function seedDemo(handle: DatabaseHandle): Promise<{ created: number }> {
  return withSetupLock(handle, async () => {
    const db = handle.db;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    let created = 0;
    await db.transaction(async (tx) => {
      for (const account of [...DEMO_ACCOUNTS, DEMO_KYC_WAITING_ACCOUNT]) {
        if (await findUserByEmail(tx, account.email)) continue;
        const at = now();
        const [user] = await tx
          .insert(users)
          .values({
            email: account.email,
            passwordHash,
            role: account.role,
            fullName: account.fullName,
            phone: account.phone,
            locale: account.locale,
            companyName: "companyName" in account ? account.companyName : null,
            businessSector: "businessSector" in account ? account.businessSector : null,
            acquisition: { source: "seed", medium: "demo" },
            createdAt: at,
            updatedAt: at,
          })
          .returning();
        created++;
        await notify(tx, { userId: user!.id, kind: "welcome", params: { name: account.fullName } });
        await trackMany(tx, [
          { name: "user_signed_up", userId: user!.id, properties: { role: account.role, locale: account.locale, acquisitionSource: "seed" } },
        ]);
      }
    });
    await db.transaction((tx) => seedKyc(tx));
    await seedWallets(db);
    await seedLoans(db, passwordHash);
    await seedGold(db);
    await seedAutoPurchase(db);
    await seedEngagementProfiles(db, passwordHash);
    // Last: the segments compute their members from the profiles and events seeded above.
    await seedSegments(handle);
    return { created };
  });
}

/**
 * KYC through the real verbs: the demo lender is verified (every step approved by the demo admin)
 * and has passed the risk check; Dewi's verification waits in the admin queue. Skipped for anyone
 * who already has a verification, so running the seed again changes nothing.
 */
async function seedKyc(tx: Tx): Promise<void> {
  const lender = await findUserByEmail(tx, "lender@lumbung.test");
  const admin = await findUserByEmail(tx, "admin@lumbung.test");
  const waiting = await findUserByEmail(tx, DEMO_KYC_WAITING_ACCOUNT.email);
  if (!lender || !admin || !waiting) return;
  const as = (id: string, role: "lender" | "admin"): Ctx => ({ ...seedUserCtx(id, role), tx });
  if (!(await findProfile(tx, lender.id))) {
    for (const input of sampleKycSteps({ fullName: lender.fullName, annualIncome: "12000000000" })) await saveKycStep({ ctx: as(lender.id, "lender"), input });
    await submitKyc({ ctx: as(lender.id, "lender") });
    for (const step of KYC_STEPS) await approveKycStep({ ctx: as(admin.id, "admin"), input: { userId: lender.id, step } });
  }
  if (!(await getMyRiskStatus({ ctx: as(lender.id, "lender") })).passed) {
    await acceptRiskDisclosure({ ctx: as(lender.id, "lender"), input: { version: RISK_DISCLOSURE_VERSION, accepted: true } });
    await answerRiskQuiz({ ctx: as(lender.id, "lender"), input: { guarantee: "can_lose", default: "collection", liquidity: "locked", diversify: "spread" } });
  }
  if (!(await findProfile(tx, waiting.id))) {
    const steps = sampleKycSteps({ fullName: waiting.fullName, annualIncome: "180000000", accountNumber: "0987654321" });
    const identity = { ...steps[0], nik: "3273014203850002", sex: "female", dateOfBirth: "1985-03-02" };
    for (const input of [identity, ...steps.slice(1)]) await saveKycStep({ ctx: as(waiting.id, "lender"), input });
    await submitKyc({ ctx: as(waiting.id, "lender") });
  }
}

export async function hasAnyUser(handle: DatabaseHandle): Promise<boolean> {
  const rows = rowsOf<{ present: boolean }>(await handle.db.execute(sql`select exists(select 1 from ${users}) as present`));
  return Boolean(rows[0]?.present);
}
