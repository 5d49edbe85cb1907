import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { installments, lenderDistributions, loans } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { acceptAgreement } from "@/lib/loans/disburse";
import { invest } from "@/lib/loans/invest";
import { repayFromWallet } from "@/lib/loans/repay";
import { key, lenders, listedLoan } from "@/lib/loans/test-helpers";
import { getMonthlyStatement, getPortfolioCharts, getPortfolioSummary, getUpcomingRepayments, listMaturingInvestments, listPortfolioInvestments, listStatementMonths, monthsBetween, portfolioCashFlowsCsv } from "./portfolio";

const DAY = 86_400_000;
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

describe("lender portfolio", () => {
  it("adds up to the hand-computed cash flows: outstanding, interest, fees, XIRR, TKB90, list, upcoming, statement and CSV", async () => {
    const disbursedAt = new Date("2026-03-02T03:00:00Z");
    const one = await listedLoan({ amount: 100_000_000n, tenor: 12 });
    const two = await listedLoan({ amount: 20_000_000n, tenor: 6 });
    const [a, b] = await lenders(2, 1_000_000_000n);
    await invest({ ctx: a!.ctx, input: { loanId: one.loanId, amount: "40000000", idempotencyKey: key("inv") } });
    await invest({ ctx: b!.ctx, input: { loanId: one.loanId, amount: "60000000", idempotencyKey: key("inv") } });
    await invest({ ctx: a!.ctx, input: { loanId: two.loanId, amount: "5000000", idempotencyKey: key("inv") } });
    await acceptAgreement({ ctx: one.borrower.ctx, input: { loanId: one.loanId } });
    const schedule = await getDb().select().from(installments).where(eq(installments.loanId, one.loanId)).orderBy(installments.number);
    expect(schedule).toHaveLength(12);

    setNow(schedule[0]!.dueDate);
    await repayFromWallet({ ctx: one.borrower.ctx, input: { loanId: one.loanId, idempotencyKey: key("pay") } });
    const [dist] = await getDb().select().from(lenderDistributions).where(eq(lenderDistributions.lenderId, a!.user.id));
    // A holds 40 % of the loan: 40 % of the first installment's principal and interest (the largest
    // remainder may add one rupiah), less the 1 % service fee on interest.
    const within1 = (got: bigint, exact: bigint) => expect(got - exact >= 0n && got - exact <= 1n).toBe(true);
    within1(dist!.principal, (schedule[0]!.principal * 40n) / 100n);
    within1(dist!.interest, (schedule[0]!.interest * 40n) / 100n);
    expect(dist!.serviceFee).toBe((dist!.interest * 100n) / 10_000n);
    const net = dist!.principal + dist!.interest - dist!.serviceFee;
    expect(dist!.net).toBe(net);

    const summary = await getPortfolioSummary({ ctx: a!.ctx });
    const outstanding = 40_000_000n - dist!.principal;
    expect(summary).toMatchObject({
      availableCash: 1_000_000_000n - 45_000_000n + net,
      outstandingPrincipal: outstanding,
      reserved: 5_000_000n,
      interestReceived: dist!.interest,
      feesPaid: dist!.serviceFee,
      loans: 2,
      tkb90Bps: 10_000,
    });
    // Out 40 000 000 at disbursement; in (net + outstanding at par) today, one period later:
    // XIRR = ((net + outstanding) / 40 000 000)^(365 / days) − 1.
    const days = (schedule[0]!.dueDate.getTime() - disbursedAt.getTime()) / DAY;
    const expected = Math.pow(Number(net + outstanding) / 40_000_000, 365 / days) - 1;
    expect(summary.netReturnXirr).toBeCloseTo(expected, 8);

    const all = await listPortfolioInvestments({ ctx: a!.ctx, input: { sort: "amount_desc" } });
    expect(all.total).toBe(2);
    expect(all.items.map((i) => [i.loanId, i.status, i.invested])).toEqual([
      [one.loanId, "active", 40_000_000n],
      [two.loanId, "funding", 5_000_000n],
    ]);
    const active = all.items[0]!;
    expect(active.nextDueDate).toEqual(schedule[1]!.dueDate);
    expect(active.nextAmount).toBe(((schedule[1]!.principal + schedule[1]!.interest) * 40n) / 100n);
    expect(active.maturityDate).toEqual(schedule[11]!.dueDate);
    expect(all.items[1]!.maturityDate).toBeNull();
    const funding = await listPortfolioInvestments({ ctx: a!.ctx, input: { status: "funding" } });
    expect(funding.items.map((i) => i.loanId)).toEqual([two.loanId]);
    const paged = await listPortfolioInvestments({ ctx: a!.ctx, input: { pageSize: 1, page: 2, sort: "amount_asc" } });
    expect(paged.items.map((i) => i.loanId)).toEqual([one.loanId]);

    expect((await listMaturingInvestments({ ctx: a!.ctx, input: { withinDays: 30 } })).length).toBe(0);
    expect((await listMaturingInvestments({ ctx: a!.ctx, input: { withinDays: 366 } })).map((m) => m.loanId)).toEqual([one.loanId]);

    const upcoming = await getUpcomingRepayments({ ctx: a!.ctx });
    expect(upcoming.byDay[0]!.amount).toBe(active.nextAmount);
    expect(upcoming.overdue).toBe(0n);

    const charts = await getPortfolioCharts({ ctx: a!.ctx });
    expect(charts.value.at(-1)!.outstanding).toBe(outstanding);
    expect(charts.byGrade.reduce((s, g) => s + g.amount, 0n)).toBe(outstanding + 5_000_000n);

    const march = await getMonthlyStatement({ ctx: a!.ctx, input: { month: "2026-03" } });
    expect(march.totals.invested).toBe(40_000_000n);
    expect(march.openingOutstanding).toBe(0n);
    expect(march.closingOutstanding).toBe(40_000_000n - (schedule[0]!.dueDate < new Date("2026-03-31T17:00:00Z") ? dist!.principal : 0n));

    const csv = (await portfolioCashFlowsCsv({ ctx: a!.ctx })).trim().split("\n");
    expect(csv[0]).toBe("date,type,loan_id,amount,principal,interest,late_fee,service_fee");
    expect(csv.slice(1).map((l) => l.split(",").slice(1, 4))).toEqual([
      ["investment", one.loanId, "-40000000"],
      ["repayment", one.loanId, String(net)],
    ]);

    // More than 90 days past due: TKB90 falls to 0 % and the net return counts that principal as lost.
    await getDb().update(loans).set({ status: "default", daysPastDue: 91 }).where(and(eq(loans.id, one.loanId)));
    const after = await getPortfolioSummary({ ctx: a!.ctx });
    expect(after.tkb90Bps).toBe(0);
    expect(after.netReturnXirr!).toBeLessThan(-0.9);
  });

  it("is the lender's own and refuses other roles", async () => {
    const [c] = await lenders(1);
    const empty = await getPortfolioSummary({ ctx: c!.ctx });
    expect(empty).toMatchObject({ outstandingPrincipal: 0n, loans: 0, netReturnXirr: null, tkb90Bps: 10_000 });
    expect((await listPortfolioInvestments({ ctx: c!.ctx })).total).toBe(0);
    const { borrower, admin } = await listedLoan({ amount: 20_000_000n, tenor: 6 });
    for (const ctx of [borrower.ctx, admin.ctx]) {
      expect(await rejected(getPortfolioSummary({ ctx }))).toMatchObject({ status: 403 });
      expect(await rejected(listPortfolioInvestments({ ctx }))).toMatchObject({ status: 403 });
      expect(await rejected(listMaturingInvestments({ ctx, input: { withinDays: 30 } }))).toMatchObject({ status: 403 });
      expect(await rejected(portfolioCashFlowsCsv({ ctx }))).toMatchObject({ status: 403 });
    }
    expect(await rejected(getMonthlyStatement({ ctx: c!.ctx, input: { month: "2026-13" } }))).toMatchObject({ status: 404 });
  });
});

describe("statement months", () => {
  it("monthsBetween counts back from this month to the first, across a year end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
    expect(monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
    expect(monthsBetween("2026-04", "2026-03")).toEqual([]);
    expect(monthsBetween("2020-01", "2026-03", 3)).toEqual(["2026-03", "2026-02", "2026-01"]);
  });

  it("lists only the months the lender had an account, from sign-up to now(); other months have no statement", async () => {
    setNow("2026-03-02T03:00:00Z");
    const [l] = await lenders(1, 10_000_000n);
    expect(await listStatementMonths({ ctx: l!.ctx })).toEqual(["2026-03"]);
    setNow("2026-06-15T03:00:00Z");
    expect(await listStatementMonths({ ctx: l!.ctx })).toEqual(["2026-06", "2026-05", "2026-04", "2026-03"]);
    expect((await getMonthlyStatement({ ctx: l!.ctx, input: { month: "2026-03" } })).month).toBe("2026-03");
    expect(await rejected(getMonthlyStatement({ ctx: l!.ctx, input: { month: "2026-02" } }))).toMatchObject({ status: 404 });
    expect(await rejected(getMonthlyStatement({ ctx: l!.ctx, input: { month: "2026-07" } }))).toMatchObject({ status: 404 });
    const { borrower } = await listedLoan({ amount: 20_000_000n, tenor: 6 });
    expect(await rejected(listStatementMonths({ ctx: borrower.ctx }))).toMatchObject({ status: 403 });
  });
});
