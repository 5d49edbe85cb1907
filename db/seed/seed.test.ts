import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PAYMENT_WEBHOOK_SECRET, resetEnvForTests } from "@/lib/env";
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { getDb } from "@/db";
import { adminAuditLog, goldPriceAlerts, goldPrices, goldRecurringPlans, goldTrades, goldWithdrawals, kycProfiles, users } from "@/db/schema";
import { computeLedgerHealth } from "@/lib/ledger";
import { isKycApproved } from "@/lib/kyc";
import { assertRiskCheckPassed } from "@/lib/lending";
import { testDatabase } from "@/lib/testing/db";
import { userCtx } from "@/lib/context";
import { getPriceHistory } from "@/lib/gold";
import { seedDailyGapPrices } from "./gold";
import { seedDemo } from "./index";
import { DEMO_STATE_BORROWERS } from "./loans";
import { CROWD } from "./engagement-profiles";
import { getBorrowerDashboard } from "@/lib/loans/dashboard";

// The whole demo seed runs in these tests: give them room on a busy 2-core machine.
describe("demo seed", { timeout: 240_000 }, () => {
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
    // The demo lender and Dewi through the real verbs, plus the three extra marketplace lenders and the
    // engagement crowd (db/seed/engagement-profiles.ts) as fixtures.
    expect(profiles).toHaveLength(5 + CROWD.length);
    expect(profiles.find((p) => p.userId === dewi!.id)).toMatchObject({ status: "submitted", version: 1 });
    // The demo admin's decisions go through the real verbs, so each left one audit row (and the second
    // run, which decides nothing, none).
    const [admin] = await getDb().select().from(users).where(eq(users.email, "admin@lumbung.test"));
    const audit = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.adminId, admin!.id));
    expect(audit.filter((a) => a.action === "kyc.step_approved" && a.subjectId === lender!.id)).toHaveLength(6);
    expect(audit.filter((a) => a.action === "loan_application.approved").length).toBeGreaterThan(0);
    // Two full seeds (the loan states service up to 150 days each) on a busy machine.
  }, 240_000);

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

  it("fills daily demo prices from the month after the World Bank file to the hourly prices: the long chart has no gap and no duplicates", async () => {
    expect(await seedDailyGapPrices(getDb())).toBe(0); // already filled by the seed above
    const admin = await getDb().select().from(users).where(eq(users.email, "admin@lumbung.test"));
    const ctx = userCtx(admin[0]!.id, "admin");
    for (const range of ["1Y", "ALL"] as const) {
      const { points } = await getPriceHistory({ ctx, input: { range } });
      const monthly = points.filter((p) => p.source === "monthly");
      const live = points.filter((p) => p.source === "live");
      expect(monthly.at(-1)!.at.toISOString()).toBe("2026-06-01T00:00:00.000Z");
      // The first daily bucket is 1 July in Jakarta (00:00 WIB = 30 June 17:00 UTC).
      expect(live[0]!.at.toISOString()).toBe("2026-06-30T17:00:00.000Z");
      for (let i = 1; i < live.length; i++) expect(live[i]!.at.getTime() - live[i - 1]!.at.getTime()).toBe(86_400_000);
      expect(new Set(points.map((p) => p.at.getTime())).size).toBe(points.length);
      expect(live.at(-1)!.at.getTime()).toBeGreaterThan(Date.now() - 2 * 86_400_000);
    }
  });

  it("seeds a borrower in each loan state for the dashboard: funding, active, late with a fee, default, waiting on the borrower", async () => {
    const dashboardOf = async (email: string) => {
      const [u] = await getDb().select().from(users).where(eq(users.email, email));
      return getBorrowerDashboard({ ctx: userCtx(u!.id, "borrower") });
    };
    const demo = await dashboardOf("borrower@lumbung.test");
    expect(demo.serviced.map((p) => p.loan.status)).toEqual(["active"]);
    expect(demo.serviced[0]!.next).not.toBeNull();
    expect(demo.alert).toBeNull();
    const funding = await dashboardOf(DEMO_STATE_BORROWERS.funding.email);
    // 40 % by the seeded lenders, plus whatever the seeded auto-purchase strategies bought.
    expect(funding.funding).toHaveLength(1);
    expect(funding.funding[0]!.fundedPct).toBeGreaterThanOrEqual(40);
    expect(funding.funding[0]!.fundedPct).toBeLessThan(100);
    const late = await dashboardOf(DEMO_STATE_BORROWERS.late.email);
    expect(late.alert).toMatchObject({ status: "late" });
    expect(late.alert!.lateFees).toBeGreaterThan(0n);
    const def = await dashboardOf(DEMO_STATE_BORROWERS.default.email);
    expect(def.alert?.status).toBe("default");
    const waiting = await dashboardOf(DEMO_STATE_BORROWERS.waiting.email);
    expect(waiting.offers).toHaveLength(1);
    expect(waiting.applications.map((a) => a.status).sort()).toEqual(["draft", "needs_info"]);
  });

  it("gives every lender and borrower a profile and spreads the lenders over the RFM segments", async () => {
    const rows = rowsOf<{ role: string; n: number; segments: number; scored: number }>(
      await getDb().execute(sql`select role, count(*)::int as n, count(distinct rfm_segment)::int as segments, count(rfm_segment)::int as scored from profiles group by role order by role`),
    );
    const people = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from users where role <> 'admin'`));
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(people[0]!.n);
    const lenders = rows.find((r) => r.role === "lender")!;
    expect(lenders.scored).toBeGreaterThanOrEqual(CROWD.length);
    expect(lenders.segments).toBeGreaterThanOrEqual(7);
    expect(rows.find((r) => r.role === "borrower")!.scored).toBe(0);
  });
});
