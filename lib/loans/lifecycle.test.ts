import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { events, installments, lenderDistributions, loanInvestments, loanRepayments, loans, notifications } from "@/db/schema";
import { advanceNow, setNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { computeLedgerHealth, readUserCashBalances, totalByType } from "@/lib/ledger";
import { createTestUser } from "@/lib/testing/factories";
import { startJobQueue } from "@/lib/jobs/boss";
import { acceptAgreement, disburseLoan } from "./disburse";
import { closeFundingWindow } from "./funding-window";
import { invest } from "./invest";
import { getPayoffQuote, payOffEarly, repayFromWallet } from "./repay";
import { remindersDue, runServicing } from "./servicing";
import { creditWallet, key, lenders, listedLoan, type ApplyOptions } from "./test-helpers";

const DAY = 86_400_000;
const cash = async (userId: string) => (await readUserCashBalances(getDb(), userId)).available;
const loanRow = async (id: string) => (await getDb().select().from(loans).where(eq(loans.id, id)))[0]!;
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

async function expectLedgerHealthy() {
  const health = await computeLedgerHealth(getDb());
  expect(health.checks.filter((c) => !c.ok)).toEqual([]);
  // Pass-through accounts are empty between transactions.
  expect(await totalByType(getDb(), "loan_escrow")).toBe(0n);
  expect(await totalByType(getDb(), "loan_collections")).toBe(0n);
}

/** A 100M, 12-month Modal Usaha loan funded by three lenders, accepted and disbursed. */
async function disbursedLoan(o: ApplyOptions = { amount: 100_000_000n, tenor: 12 }) {
  const listed = await listedLoan({ amount: 100_000_000n, ...o });
  const ls = await lenders(3, 200_000_000n);
  const shares = [40_000_000n, 35_000_000n, 25_000_000n];
  for (let i = 0; i < 3; i++) await invest({ ctx: ls[i]!.ctx, input: { loanId: listed.loanId, amount: shares[i]!.toString(), idempotencyKey: key("inv") } });
  await acceptAgreement({ ctx: listed.borrower.ctx, input: { loanId: listed.loanId } });
  return { ...listed, lenders: ls, shares };
}

// pg-boss must be started before a verb enqueues inside a transaction (on PGlite its start-up SQL
// would wait for the connection the transaction holds); the app starts it at boot.
beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

describe("loan lifecycle", () => {
  it("applies, lists, funds, disburses, repays an installment and pays off early, to the rupiah", async () => {
    const { borrower, loanId, lenders: ls, shares } = await disbursedLoan();
    const loan = await loanRow(loanId);
    expect(loan.status).toBe("active");
    expect(loan.platformFee).toBe(2_000_000n);
    expect(await cash(borrower.user.id)).toBe(98_000_000n);
    for (let i = 0; i < 3; i++) expect(await cash(ls[i]!.user.id)).toBe(200_000_000n - shares[i]!);
    const schedule = await getDb().select().from(installments).where(eq(installments.loanId, loanId)).orderBy(installments.number);
    expect(schedule).toHaveLength(12);
    await expectLedgerHealthy();

    // First installment, paid from the wallet on its due date.
    setNow(schedule[0]!.dueDate);
    const first = await repayFromWallet({ ctx: borrower.ctx, input: { loanId, idempotencyKey: key("pay") } });
    expect(first.repayment.amount).toBe(schedule[0]!.principal + schedule[0]!.interest);
    expect(first.repayment.interest).toBe(schedule[0]!.interest);
    const again = await repayFromWallet({ ctx: borrower.ctx, input: { loanId, idempotencyKey: "same-key-1" } });
    expect((await repayFromWallet({ ctx: borrower.ctx, input: { loanId, idempotencyKey: "same-key-1" } })).created).toBe(false);
    expect(again.repayment.amount).toBe(schedule[1]!.principal + schedule[1]!.interest); // paid the next installment in advance
    const dists = await getDb().select().from(lenderDistributions).where(eq(lenderDistributions.repaymentId, first.repayment.id));
    const sum = (f: (d: (typeof dists)[number]) => bigint) => dists.reduce((s, d) => s + f(d), 0n);
    expect(sum((d) => d.principal)).toBe(first.repayment.principal);
    expect(sum((d) => d.interest)).toBe(first.repayment.interest);
    expect(sum((d) => d.net) + first.repayment.serviceFee).toBe(first.repayment.amount);
    expect(first.repayment.serviceFee).toBe(dists.reduce((s, d) => s + (d.interest * 100n) / 10_000n, 0n));

    // Early payoff mid-period: interest only up to today.
    setNow(new Date(schedule[2]!.dueDate.getTime() - 10 * DAY));
    await creditWallet(borrower.user.id, 10_000_000n); // the business's own cash tops up the loan money
    const quote = await getPayoffQuote({ ctx: borrower.ctx, input: { loanId } });
    expect(quote.interestWaived).toBeGreaterThan(0n);
    expect(quote.principal).toBe(100_000_000n - schedule[0]!.principal - schedule[1]!.principal);
    const payoff = await payOffEarly({ ctx: borrower.ctx, input: { loanId, idempotencyKey: key("payoff") } });
    expect(payoff.repayment.amount).toBe(quote.total);
    expect(payoff.loanStatus).toBe("repaid");
    const after = await loanRow(loanId);
    expect(after.principalPaid).toBe(100_000_000n);
    expect(after.repaidAt).not.toBeNull();
    // Every lender got back at least their principal.
    const perLender = await getDb()
      .select({ lenderId: lenderDistributions.lenderId, principal: sql<string>`sum(${lenderDistributions.principal})::text` })
      .from(lenderDistributions)
      .groupBy(lenderDistributions.lenderId);
    for (let i = 0; i < 3; i++) expect(BigInt(perLender.find((p) => p.lenderId === ls[i]!.user.id)!.principal)).toBe(shares[i]);
    const names = (await getDb().select({ name: events.name }).from(events).where(eq(events.userId, borrower.user.id))).map((e) => e.name);
    for (const n of ["loan_application_step_completed", "loan_application_submitted", "loan_application_approved", "loan_listed", "loan_funded", "loan_disbursed", "installment_paid", "loan_early_payoff", "loan_repaid"]) {
      expect(names).toContain(n);
    }
    const kinds = (await getDb().select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, borrower.user.id))).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["application_approved", "loan_funded", "loan_disbursed", "installment_paid", "loan_repaid"]));
    await expectLedgerHealthy();
  });

  it("waits for the agreement: a funded loan is disbursed only once the borrower accepts", async () => {
    const { borrower, loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [l] = await lenders(1);
    await invest({ ctx: l!.ctx, input: { loanId, amount: "10000000", idempotencyKey: key() } });
    expect((await loanRow(loanId)).status).toBe("funded");
    expect(await disburseLoan({ ctx: systemCtx("test"), input: { loanId } })).toEqual({ disbursed: false });
    expect((await acceptAgreement({ ctx: borrower.ctx, input: { loanId } })).disbursed).toBe(true);
    expect(await disburseLoan({ ctx: systemCtx("test"), input: { loanId } })).toEqual({ disbursed: false });
    expect((await loanRow(loanId)).status).toBe("active");
    await expectLedgerHealthy();
  });

  it("cancels a loan not fully funded when the window closes and releases every reservation", async () => {
    const { loanId } = await listedLoan({ amount: 50_000_000n, tenor: 6 });
    const ls = await lenders(2, 10_000_000n);
    await invest({ ctx: ls[0]!.ctx, input: { loanId, amount: "5000000", idempotencyKey: key() } });
    await invest({ ctx: ls[1]!.ctx, input: { loanId, amount: "3000000", idempotencyKey: key() } });
    expect(await cash(ls[0]!.user.id)).toBe(5_000_000n);
    expect(await closeFundingWindow({ ctx: systemCtx("test"), input: { loanId } })).toEqual({ cancelled: false }); // too early
    advanceNow(15 * DAY);
    expect(await closeFundingWindow({ ctx: systemCtx("test"), input: { loanId } })).toEqual({ cancelled: true });
    expect(await closeFundingWindow({ ctx: systemCtx("test"), input: { loanId } })).toEqual({ cancelled: false });
    expect((await loanRow(loanId)).status).toBe("cancelled");
    expect(await cash(ls[0]!.user.id)).toBe(10_000_000n);
    expect(await cash(ls[1]!.user.id)).toBe(10_000_000n);
    const invs = await getDb().select().from(loanInvestments).where(eq(loanInvestments.loanId, loanId));
    expect(invs.every((i) => i.status === "released")).toBe(true);
    await expectLedgerHealthy();
  });

  it("survives a 120-day clock jump over a loan nobody repays: late fees within the caps, default at 90 days", async () => {
    // Invoice financing, 30 days: due on day 30, so 120 days later it is exactly 90 days past due.
    const { loanId, borrower } = await disbursedLoan({ product: "invoice-financing", tenor: 30 });
    advanceNow(120 * DAY);
    const summary = await runServicing({ ctx: systemCtx("test") });
    expect(summary.days).toBeGreaterThanOrEqual(120);
    const loan = await loanRow(loanId);
    expect(loan.status).toBe("default");
    expect(loan.daysPastDue).toBeGreaterThanOrEqual(90);
    expect(loan.defaultedAt).not.toBeNull();
    const rows = await getDb().select().from(installments).where(eq(installments.loanId, loanId));
    const overdue = rows.filter((r) => r.dueDate.getTime() < Date.parse("2026-06-30T00:00:00Z"));
    const overdueAmount = overdue.reduce((s, r) => s + r.principal + r.interest, 0n);
    // 0.067 %/day of the overdue amount at most, for each of at most 120 days.
    expect(loan.lateFeeCharged).toBeGreaterThan(0n);
    expect(loan.lateFeeCharged).toBeLessThanOrEqual((overdueAmount * 670n * 120n) / 1_000_000n);
    const interest = rows.reduce((s, r) => s + r.interest, 0n);
    expect(interest + loan.platformFee + loan.lateFeeCharged).toBeLessThanOrEqual(loan.principal);
    // Idempotent: a second run (or a retried job) changes nothing.
    expect((await runServicing({ ctx: systemCtx("test") })).days).toBe(0);
    expect((await loanRow(loanId)).lateFeeCharged).toBe(loan.lateFeeCharged);
    const names = (await getDb().select({ name: events.name }).from(events).where(eq(events.userId, borrower.user.id))).map((e) => e.name);
    expect(names).toContain("installment_late");
    expect(names).toContain("loan_defaulted");
    // Paying the arrears later pays the late fees first.
    await creditWallet(borrower.user.id, 200_000_000n);
    const paid = await repayFromWallet({ ctx: borrower.ctx, input: { loanId, idempotencyKey: key() } });
    expect(paid.repayment.lateFee).toBe(loan.lateFeeCharged);
    await expectLedgerHealthy();
  });

  it("sends a due-soon reminder three days before an installment, once", async () => {
    const { loanId, borrower } = await disbursedLoan();
    const [first] = await getDb().select().from(installments).where(and(eq(installments.loanId, loanId), eq(installments.number, 1)));
    setNow(new Date(first!.dueDate.getTime() - 3 * DAY));
    await runServicing({ ctx: systemCtx("test") });
    await runServicing({ ctx: systemCtx("test") });
    const reminders = await getDb().select().from(notifications).where(and(eq(notifications.userId, borrower.user.id), eq(notifications.kind, "installment_due_soon")));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.params).toMatchObject({ amount: { type: "idr" }, dueDate: { type: "day", value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  });

  it("a clock jump across the reminder moment still sends that reminder, once; one past the due day sends none", async () => {
    const { loanId, borrower } = await disbursedLoan();
    const schedule = await getDb().select().from(installments).where(eq(installments.loanId, loanId)).orderBy(installments.number);
    const dueSoon = () => getDb().select().from(notifications).where(and(eq(notifications.userId, borrower.user.id), eq(notifications.kind, "installment_due_soon")));
    setNow(new Date(schedule[0]!.dueDate.getTime() - 5 * DAY));
    await runServicing({ ctx: systemCtx("test") });
    expect(await dueSoon()).toHaveLength(0);
    // Jump from 5 days before to 1 day before: the "due in 3 days" day is skipped over.
    setNow(new Date(schedule[0]!.dueDate.getTime() - 1 * DAY));
    await runServicing({ ctx: systemCtx("test") });
    await runServicing({ ctx: systemCtx("test") });
    const sent = await dueSoon();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toMatchObject({ number: 1 });
    const [first] = await getDb().select().from(installments).where(eq(installments.id, schedule[0]!.id));
    expect(first!.reminderSentAt).not.toBeNull();
    // A jump over the second installment's whole window (to 2 days after its due day) sends no
    // "due soon" for it: it is late by then, and the late notice says so.
    setNow(new Date(schedule[1]!.dueDate.getTime() + 2 * DAY));
    await runServicing({ ctx: systemCtx("test") });
    expect(await dueSoon()).toHaveLength(1);
    const late = await getDb().select().from(notifications).where(and(eq(notifications.userId, borrower.user.id), eq(notifications.kind, "installment_late")));
    expect(late.length).toBeGreaterThanOrEqual(1);
  });

  it("remindersDue: reminder moment reached, due day not passed, not yet reminded, not paid", () => {
    const due = (d: string, extra: Partial<{ reminderSentAt: Date | null; paidAt: Date | null }> = {}) => ({
      dueDate: new Date(`${d}T10:00:00+07:00`),
      reminderSentAt: null,
      paidAt: null,
      ...extra,
    });
    const day = "2026-05-10";
    expect(remindersDue([due("2026-05-14")], day)).toHaveLength(0); // 4 days ahead: not yet
    expect(remindersDue([due("2026-05-13")], day)).toHaveLength(1); // exactly 3 days ahead
    expect(remindersDue([due("2026-05-11")], day)).toHaveLength(1); // moment passed (a jump), still ahead
    expect(remindersDue([due("2026-05-10")], day)).toHaveLength(1); // due today
    expect(remindersDue([due("2026-05-09")], day)).toHaveLength(0); // already late
    expect(remindersDue([due("2026-05-12", { reminderSentAt: new Date() })], day)).toHaveLength(0);
    expect(remindersDue([due("2026-05-12", { paidAt: new Date() })], day)).toHaveLength(0);
  });

  it("refuses every verb to the wrong role", async () => {
    const { loanId, borrower } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const lender = await createTestUser("lender");
    expect(await rejected(invest({ ctx: borrower.ctx, input: { loanId, amount: "100000", idempotencyKey: key() } }))).toMatchObject({ status: 403 });
    expect(await rejected(acceptAgreement({ ctx: lender.ctx, input: { loanId } }))).toMatchObject({ status: 403 });
    expect(await rejected(repayFromWallet({ ctx: lender.ctx, input: { loanId, idempotencyKey: key() } }))).toMatchObject({ status: 403 });
    expect(await rejected(payOffEarly({ ctx: lender.ctx, input: { loanId, idempotencyKey: key() } }))).toMatchObject({ status: 403 });
    expect(await rejected(closeFundingWindow({ ctx: lender.ctx, input: { loanId } }))).toMatchObject({ status: 403 });
    expect(await rejected(disburseLoan({ ctx: borrower.ctx, input: { loanId } }))).toMatchObject({ status: 403 });
    expect(await rejected(runServicing({ ctx: borrower.ctx }))).toMatchObject({ status: 403 });
    // Another borrower's loan is not found.
    const other = await createTestUser("borrower");
    expect(await rejected(acceptAgreement({ ctx: other.ctx, input: { loanId } }))).toMatchObject({ status: 404 });
    expect(await rejected(repayFromWallet({ ctx: other.ctx, input: { loanId, idempotencyKey: key() } }))).toMatchObject({ status: 404 });
    void loanRepayments;
  });
});
