import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { invest } from "./invest";
import { lenderReturn } from "./lender-return";
import { getFundingProgress, listMarketplace } from "./marketplace";
import { getMarketplaceLoan } from "./marketplace-detail";
import { key, lenders, listedLoan } from "./test-helpers";

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

describe("lenderReturn", () => {
  it("is the schedule on the amount minus the service fee on each installment's interest", () => {
    const r = lenderReturn({ rateBps: 1800, tenor: 12, tenorUnit: "months", method: "annuity", serviceFeeBps: 100 }, 1_000_000n, new Date("2026-03-02T03:00:00Z"));
    expect(r.installments).toHaveLength(12);
    expect(r.installments.reduce((s, i) => s + i.principal, 0n)).toBe(1_000_000n);
    expect(r.serviceFee).toBe(r.installments.reduce((s, i) => s + (i.interest * 100n) / 10_000n, 0n));
    expect(r.interestNet).toBe(r.interestGross - r.serviceFee);
    expect(r.totalNet).toBe(1_000_000n + r.interestNet);
  });
});

describe("marketplace detail and progress", () => {
  it("shows the business, the score, the example schedule and the live funded amount", async () => {
    const { loanId, borrower } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [l] = await lenders(1);
    await invest({ ctx: l!.ctx, input: { loanId, amount: "2000000", idempotencyKey: key() } });
    const d = await getMarketplaceLoan({ ctx: l!.ctx, input: { loanId } });
    expect(d.business).toMatchObject({ name: "CV Maju Jaya", city: "Bandung", sector: "trade" });
    expect(d.score).toBeGreaterThan(0);
    expect(d.example.principal).toBe(1_000_000n);
    expect(d.example.installments).toHaveLength(6);
    expect(d.history).toEqual({ repaid: 0, active: 0, late: 0 });
    expect(d).not.toHaveProperty("scorecard");
    const [p] = await getFundingProgress({ ctx: l!.ctx, input: { ids: [loanId, "not-a-uuid"] } });
    expect(p).toMatchObject({ id: loanId, fundedAmount: 2_000_000n, fundedPct: 20 });
    const market = await listMarketplace({ ctx: l!.ctx, input: { sort: "rate_desc" } });
    expect(market.items.find((i) => i.id === loanId)).toMatchObject({ businessName: "CV Maju Jaya", city: "Bandung" });
    expect(await rejected(getMarketplaceLoan({ ctx: borrower.ctx, input: { loanId } }))).toMatchObject({ status: 403 });
    expect(await rejected(getFundingProgress({ ctx: borrower.ctx, input: { ids: [loanId] } }))).toMatchObject({ status: 403 });
    expect(await rejected(getMarketplaceLoan({ ctx: l!.ctx, input: { loanId: crypto.randomUUID() } }))).toMatchObject({ status: 404 });
  });
});
