import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceNow, setNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { startJobQueue } from "@/lib/jobs/boss";
import { createTestUser } from "@/lib/testing/factories";
import { getBorrowerDashboard } from "./dashboard";
import { acceptAgreement } from "./disburse";
import { invest } from "./invest";
import { getLoanForBorrower } from "./loan-queries";
import { repayFromWallet } from "./repay";
import { askForInformation } from "./review";
import { runServicing } from "./servicing";
import { creditWallet, key, lenders, listedLoan, submitTestApplication } from "./test-helpers";

const DAY = 86_400_000;

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

/** A disbursed 30M, 6-month loan (fully funded by two lenders, agreement accepted). */
async function disbursedLoan() {
  const listed = await listedLoan({ amount: 30_000_000n, tenor: 6 });
  const ls = await lenders(2);
  await invest({ ctx: ls[0]!.ctx, input: { loanId: listed.loanId, amount: "20000000", idempotencyKey: key() } });
  await invest({ ctx: ls[1]!.ctx, input: { loanId: listed.loanId, amount: "10000000", idempotencyKey: key() } });
  await acceptAgreement({ ctx: listed.borrower.ctx, input: { loanId: listed.loanId } });
  return listed;
}

describe("what a late loan's Pay button takes", () => {
  it("is the sum of the lines shown — overdue installments, the next one and the late fees — and is what a wallet payment takes", async () => {
    const { loanId, borrower } = await disbursedLoan();
    advanceNow(75 * DAY);
    await runServicing({ ctx: systemCtx("test") });
    const view = await getLoanForBorrower({ ctx: borrower.ctx, input: { loanId } });
    expect(view.status).toBe("late");
    const kinds = view.dueLines.map((l) => l.kind);
    expect(kinds.filter((k) => k === "overdue").length).toBe(2);
    expect(kinds.filter((k) => k === "next").length).toBe(1);
    const fees = view.dueLines.find((l) => l.kind === "lateFees");
    expect(fees?.amount).toBe(view.lateFeeOutstanding);
    expect(view.lateFeeOutstanding).toBeGreaterThan(0n);
    // The difference between the button and the installments is exactly the late-fee line.
    const installmentsOnly = view.dueLines.filter((l) => l.kind !== "lateFees").reduce((s, l) => s + l.amount, 0n);
    expect(view.amountDueNow - installmentsOnly).toBe(view.lateFeeOutstanding);
    expect(view.dueLines.reduce((s, l) => s + l.amount, 0n)).toBe(view.amountDueNow);
    // Each installment line is that installment's unpaid amount in the schedule shown.
    for (const l of view.dueLines) if (l.kind !== "lateFees") expect(l.amount).toBe(view.schedule.find((r) => r.number === l.number)!.owed);

    const dash = await getBorrowerDashboard({ ctx: borrower.ctx });
    expect(dash.alert).toMatchObject({ status: "late", loanId, lateFees: view.lateFeeOutstanding });
    expect(dash.serviced[0]!.dueNow).toBe(view.amountDueNow);

    await creditWallet(borrower.user.id, 100_000_000n);
    const paid = await repayFromWallet({ ctx: borrower.ctx, input: { loanId, idempotencyKey: key() } });
    expect(paid.repayment.amount).toBe(view.amountDueNow);
    expect(paid.repayment.lateFee).toBe(view.lateFeeOutstanding);
    expect(paid.loanStatus).toBe("active");
  });
});

describe("borrower dashboard", () => {
  it("shows Getting started only to a borrower with nothing yet", async () => {
    const b = await createTestUser("borrower");
    const dash = await getBorrowerDashboard({ ctx: b.ctx });
    expect(dash).toMatchObject({ empty: true, serviced: [], funding: [], offers: [], applications: [], alert: null });
  });

  it("shows an active loan's balance and next installment, a loan in funding and an application waiting on the borrower", async () => {
    const { loanId, borrower } = await disbursedLoan();
    const view = await getLoanForBorrower({ ctx: borrower.ctx, input: { loanId } });
    const dash = await getBorrowerDashboard({ ctx: borrower.ctx });
    expect(dash.empty).toBe(false);
    expect(dash.alert).toBeNull();
    expect(dash.serviced).toHaveLength(1);
    expect(dash.serviced[0]!.next?.number).toBe(1);
    expect(dash.serviced[0]!.dueNow).toBe(view.amountDueNow);
    const scheduled = view.schedule.reduce((s, i) => s + i.owed, 0n);
    expect(dash.outstanding).toEqual({ total: scheduled, principal: 30_000_000n, interest: scheduled - 30_000_000n, lateFees: 0n });

    // Another borrower: a loan in funding and an application the reviewer asked about.
    const funding = await listedLoan({ amount: 30_000_000n, tenor: 6 });
    const ls = await lenders(1);
    await invest({ ctx: ls[0]!.ctx, input: { loanId: funding.loanId, amount: "10000000", idempotencyKey: key() } });
    const asked = await submitTestApplication(funding.borrower.ctx, { amount: 20_000_000n, tenor: 6 });
    await askForInformation({ ctx: funding.admin.ctx, input: { applicationId: asked.applicationId, question: "Please send last month's invoices." } });
    const d2 = await getBorrowerDashboard({ ctx: funding.borrower.ctx });
    expect(d2.funding.map((l) => [l.id, l.fundedPct])).toEqual([[funding.loanId, 33]]);
    expect(d2.applications.map((a) => [a.id, a.status])).toEqual([[asked.applicationId, "needs_info"]]);
    expect(d2.serviced).toEqual([]);
  });

  it("warns of default after 90 days past due", async () => {
    const { loanId, borrower } = await disbursedLoan();
    advanceNow(130 * DAY);
    await runServicing({ ctx: systemCtx("test") });
    const dash = await getBorrowerDashboard({ ctx: borrower.ctx });
    expect(dash.alert?.status).toBe("default");
    expect(dash.alert?.loanId).toBe(loanId);
    expect(dash.alert!.daysPastDue).toBeGreaterThanOrEqual(90);
    expect(dash.serviced[0]!.dueLines.reduce((s, l) => s + l.amount, 0n)).toBe(dash.serviced[0]!.dueNow);
  });
});
