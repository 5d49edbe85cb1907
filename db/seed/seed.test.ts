import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PAYMENT_WEBHOOK_SECRET, resetEnvForTests } from "@/lib/env";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { goldPriceAlerts, goldPrices, goldRecurringPlans, goldTrades, goldWithdrawals, kycProfiles, users } from "@/db/schema";
import { computeLedgerHealth } from "@/lib/ledger";
import { isKycApproved } from "@/lib/kyc";
import { assertRiskCheckPassed } from "@/lib/lending";
import { testDatabase } from "@/lib/testing/db";
import { seedDemo } from "./index";

describe("demo seed", () => {
  beforeAll(() => {
    // As `npm run db:seed` does: the demo top-ups go through the sandbox gateway, which needs a secret
    // outside demo mode (the PostgreSQL run).
    process.env.PAYMENT_WEBHOOK_SECRET ??= DEMO_PAYMENT_WEBHOOK_SECRET;
    resetEnvForTests();
  });

  it("verifies the demo lender, leaves Dewi waiting for review, and is idempotent", async () => {
    await seedDemo(testDatabase());
    await seedDemo(testDatabase());
    const [lender] = await getDb().select().from(users).where(eq(users.email, "lender@lumbung.test"));
    const [dewi] = await getDb().select().from(users).where(eq(users.email, "dewi@lumbung.test"));
    expect(await isKycApproved(getDb(), lender!.id)).toBe(true);
    await assertRiskCheckPassed(getDb(), lender!.id);
    const profiles = await getDb().select().from(kycProfiles);
    // The demo lender and Dewi through the real verbs, plus the three extra marketplace lenders as fixtures.
    expect(profiles).toHaveLength(5);
    expect(profiles.find((p) => p.userId === dewi!.id)).toMatchObject({ status: "submitted", version: 1 });
  });

  it("gives the demo lender gold, a plan, an alert and a bar request, with a month of prices", async () => {
    const [lender] = await getDb().select().from(users).where(eq(users.email, "lender@lumbung.test"));
    const trades = await getDb().select().from(goldTrades).where(eq(goldTrades.userId, lender!.id));
    expect(trades).toHaveLength(4);
    expect(await getDb().select().from(goldRecurringPlans).where(eq(goldRecurringPlans.userId, lender!.id))).toHaveLength(1);
    expect(await getDb().select().from(goldPriceAlerts).where(eq(goldPriceAlerts.userId, lender!.id))).toHaveLength(1);
    expect(await getDb().select().from(goldWithdrawals).where(eq(goldWithdrawals.status, "requested"))).toHaveLength(1);
    expect((await getDb().select().from(goldPrices)).length).toBeGreaterThanOrEqual(24 * 30);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
  });
});
