import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { events, installments, profiles, users } from "@/db/schema";
import { setNow, now } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { saveKycStep } from "@/lib/kyc";
import { sampleKycSteps } from "@/lib/kyc/sample-files";
import { acceptAgreement } from "@/lib/loans/disburse";
import { invest } from "@/lib/loans/invest";
import { creditWallet, key, lenders, listedLoan } from "@/lib/loans/test-helpers";
import { getLatestPrice } from "@/lib/gold";
import { trade } from "@/lib/gold/test-helpers";
import { trackMany } from "@/lib/engagement/internal/track";
import { createTestUser } from "@/lib/testing/factories";
import { refreshTraits } from "./internal/refresh-traits";

const DAY = 86_400_000;

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

async function profileOf(userId: string) {
  const [p] = await getDb().select().from(profiles).where(eq(profiles.userId, userId));
  return p;
}

describe("refreshTraits", () => {
  it("builds a new lender's properties from the user, the KYC steps and the last session's context", async () => {
    const l = await createTestUser("lender");
    await getDb().update(users).set({ locale: "id", acquisition: { source: "google", medium: "cpc", campaign: "lebaran" } }).where(eq(users.id, l.user.id));
    const steps = sampleKycSteps();
    await saveKycStep({ ctx: l.ctx, input: steps[0] }); // identity: born 1990-05-17
    await saveKycStep({ ctx: l.ctx, input: steps[3] }); // address
    await trackMany(getDb(), [
      { name: "session_started", userId: l.user.id, properties: { device: "desktop", browser: "Firefox" }, occurredAt: new Date(now().getTime() - 3 * DAY) },
      { name: "page_viewed", userId: l.user.id, properties: { path: "/lender" }, context: { device: "mobile", browser: "Chrome" } as never, occurredAt: new Date(now().getTime() - 2 * DAY) },
      { name: "page_viewed", userId: l.user.id, properties: { path: "/lender/gold" }, occurredAt: new Date(now().getTime() - DAY) }, // no device: skipped
      { name: "segment_entered", userId: l.user.id, properties: { segmentId: "00000000-0000-4000-8000-000000000001" } },
    ]);
    expect(await refreshTraits(getDb(), { userIds: [l.user.id] })).toBe(1);
    const p = await profileOf(l.user.id);
    expect(p).toMatchObject({
      role: "lender",
      personas: ["new"],
      ageBand: "35-44", // 35 on 2 March 2026
      city: "Jakarta Timur",
      province: "DKI Jakarta",
      device: "mobile",
      browser: "Chrome",
      language: "id",
      acquisitionChannel: "google",
      acquisitionCampaign: "lebaran",
      kycStatus: "draft",
      kycStep: "selfie",
      cashBalance: 0n,
      accountValue: 0n,
      investmentsCount: 0,
      productsUsed: [],
      autoPurchaseOn: false,
      idleSince: null,
    });
    // segment_entered is the platform's doing, not the user's: last active is the KYC step saved now.
    expect(p!.lastActiveAt!.getTime()).toBe(now().getTime());
    expect(p!.signedUpAt.getTime()).toBe(l.user.createdAt.getTime());

    // The clock moves past the birthday: the age band follows the time machine's now.
    setNow("2026-05-17T00:00:00Z"); // 07:00 in Jakarta on the 17th: 36 — still 35-44
    await refreshTraits(getDb(), { userIds: [l.user.id] });
    expect((await profileOf(l.user.id))!.ageBand).toBe("35-44");
  });

  it("computes an investor's money traits: cash, outstanding principal, gold at the sell price, account value, maturity, idle cash", async () => {
    const [a] = await lenders(1, 100_000_000n);
    const loan = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const other = await listedLoan({ amount: 50_000_000n, tenor: 12 });
    setNow(new Date(now().getTime() + 3_600_000));
    await invest({ ctx: a!.ctx, input: { loanId: loan.loanId, amount: "10000000", idempotencyKey: key("inv") } });
    await invest({ ctx: a!.ctx, input: { loanId: other.loanId, amount: "2000000", idempotencyKey: key("inv") } });
    await acceptAgreement({ ctx: loan.borrower.ctx, input: { loanId: loan.loanId } }); // full: disbursed
    setNow(new Date(now().getTime() + 3_600_000));
    await trade(a!.ctx, "buy", "rupiah", "1000000");
    setNow(new Date(now().getTime() + 3_600_000));
    await creditWallet(a!.user.id, 5_000_000n); // a ledger "topup", as a paid top-up is
    const price = await getLatestPrice(getDb()); // the price in force now (published if stale)
    await refreshTraits(getDb(), {});
    const p = (await profileOf(a!.user.id))!;
    expect(p.cashBalance).toBe(100_000_000n - 12_000_000n - 1_000_000n + 5_000_000n);
    expect(p.idleCash).toBe(p.cashBalance);
    expect(p.outstandingPrincipal).toBe(10_000_000n);
    expect(p.goldHeld).toBeGreaterThan(0n);
    expect(p.accountValue).toBe(p.cashBalance + 2_000_000n + 10_000_000n + (p.goldHeld * price.sellPerGram) / 10_000n);
    expect(p.totalInvested).toBe(12_000_000n);
    expect(p.investmentsCount).toBe(2);
    expect(p.personas.sort()).toEqual(["gold_saver", "investor"]);
    expect(p.productsUsed.sort()).toEqual(["gold", "p2p_loans"]);
    const [last] = await getDb().select({ due: sql<string>`max(due_date)` }).from(installments).where(eq(installments.loanId, loan.loanId));
    const maturity = new Date(new Date(last!.due).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(p.nextMaturityDate).toBe(maturity);
    // Idle since the later of the last investment (loan at +1 h, gold at +2 h) and the last top-up (+3 h).
    expect(p.idleSince!.getTime()).toBe(p.lastInvestmentAt!.getTime() + 2 * 3_600_000);
    expect(p.firstInvestmentAt!.getTime()).toBeLessThanOrEqual(p.lastInvestmentAt!.getTime());
  });

  it("gives a borrower the next due date and days past due, and admins no profile", async () => {
    const [a] = await lenders(1, 100_000_000n);
    const loan = await listedLoan({ amount: 10_000_000n, tenor: 3 });
    await invest({ ctx: a!.ctx, input: { loanId: loan.loanId, amount: "10000000", idempotencyKey: key("inv") } });
    await acceptAgreement({ ctx: loan.borrower.ctx, input: { loanId: loan.loanId } });
    await refreshTraits(getDb(), { userIds: [loan.borrower.user.id, loan.admin.user.id] });
    const p = (await profileOf(loan.borrower.user.id))!;
    const [first] = await getDb().select({ due: installments.dueDate }).from(installments).where(eq(installments.loanId, loan.loanId)).orderBy(installments.number).limit(1);
    expect(p.role).toBe("borrower");
    expect(p.personas).toEqual(["borrower"]);
    expect(p.productsUsed).toEqual(["p2p_loans"]);
    expect(p.nextDueDate).toBe(new Date(first!.due.getTime() + 7 * 3_600_000).toISOString().slice(0, 10));
    expect(p.daysPastDue).toBe(0);
    expect(await profileOf(loan.admin.user.id)).toBeUndefined();
    // A second run updates in place (one row per user).
    await refreshTraits(getDb(), { userIds: [loan.borrower.user.id] });
    const count = await getDb().select({ n: sql<number>`count(*)::int` }).from(profiles).where(eq(profiles.userId, loan.borrower.user.id));
    expect(count[0]!.n).toBe(1);
    expect(await refreshTraits(getDb(), { userIds: [] })).toBe(0);
    expect(await refreshTraits(getDb(), { userIds: ["not-a-uuid"] })).toBe(0);
    void events;
  });
});
