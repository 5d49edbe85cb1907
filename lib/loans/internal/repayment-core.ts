import "server-only";
import { differenceInCalendarDays } from "date-fns";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { installments, lenderDistributions, loanRepayments, loans, type InstallmentRow, type Loan, type LoanRepayment } from "@/db/schema";
import { now } from "@/lib/clock";
import { track } from "@/lib/engagement";
import { Conflict } from "@/lib/errors";
import { ensureLoanAccount, ensurePlatformAccount, ensureUserAccount, transferMany, type TransferInput } from "@/lib/ledger";
import { idr } from "@/lib/money/params";
import { notify } from "@/lib/notifications";
import { applyPayment, distributeRepayment, type InstallmentDue } from "../distribution";
import { maxBig, mulDivFloor, sumBig } from "../math";
import { payoffAmount } from "../schedule";
import { activeShares, currentInstallments, lockLoan, loanLink, owedOn, wibDay } from "./store";
import { onCashArrived } from "@/lib/autopurchase/internal/triggers";

/**
 * due: overdue installments plus the next one. payoff: everything, interest only as accrued to today
 * (no prepayment penalty). all: every unpaid installment in full (recoveries after write-off).
 */
export type RepaymentMode = "due" | "payoff" | "all";
export type RepaymentSource = LoanRepayment["source"];

export type ApplyRepayment = {
  loanId: string;
  /** null: exactly what the mode says is owed. A larger amount takes only what is owed. */
  amount: bigint | null;
  payerId: string | null;
  source: RepaymentSource;
  mode: RepaymentMode;
  idempotencyKey: string;
  /** Where the money comes from: the borrower's wallet, or recoveries collected outside it. */
  from: "borrower_cash" | "recovery_clearing";
};

export type RepaymentOutcome = { repayment: LoanRepayment; created: boolean; loanStatus: Loan["status"] };

const PAYABLE: Record<RepaymentMode, readonly Loan["status"][]> = {
  due: ["active", "late", "default"],
  payoff: ["active", "late", "default"],
  all: ["written_off"],
};

/** Interest each unpaid installment owes if the loan is settled at `at` (mirrors payoffAmount, per row). */
function payoffInterest(rows: InstallmentRow[], startAt: Date, at: Date): Map<number, bigint> {
  const owed = new Map<number, bigint>();
  let periodStart = startAt;
  for (const r of rows) {
    const paid = r.interestPaid;
    if (differenceInCalendarDays(at, r.dueDate) >= 0) owed.set(r.number, r.interest - paid - r.interestWaived);
    else {
      const elapsed = differenceInCalendarDays(at, periodStart);
      const accrued = elapsed > 0 ? mulDivFloor(r.interest, BigInt(elapsed), BigInt(differenceInCalendarDays(r.dueDate, periodStart))) : 0n;
      owed.set(r.number, maxBig(accrued - paid, 0n));
    }
    periodStart = r.dueDate;
  }
  return owed;
}

/** What the mode owes now, as InstallmentDue rows for applyPayment, and the interest an early payoff waives. */
export function payableNow(loan: Loan, rows: InstallmentRow[], mode: RepaymentMode, at: Date) {
  const unpaid = rows.filter((r) => r.paidAt === null);
  const waived = new Map<number, bigint>();
  let due: InstallmentDue[];
  if (mode === "payoff") {
    const interest = payoffInterest(rows, loan.scheduleStartAt ?? loan.disbursedAt!, at);
    due = unpaid.map((r) => {
      const owe = interest.get(r.number)!;
      waived.set(r.number, r.interest - r.interestPaid - r.interestWaived - owe);
      return { number: r.number, principal: r.principal, interest: r.interestPaid + owe, principalPaid: r.principalPaid, interestPaid: r.interestPaid };
    });
    // The pure core is the reference: the per-row split must add up to its payoff figure.
    const check = payoffAmount(
      { startDate: loan.scheduleStartAt ?? loan.disbursedAt!, installments: rows.map((r) => ({ number: r.number, dueDate: r.dueDate, principal: r.principal, interest: r.interest - r.interestWaived, total: 0n })) },
      rows.map((r) => ({ number: r.number, principalPaid: r.principalPaid, interestPaid: r.interestPaid })),
      at,
    );
    const mine = sumBig(due.map((d) => d.principal - d.principalPaid + d.interest - d.interestPaid));
    if (check.total !== mine) throw new Error(`payoff mismatch on loan ${loan.id}: ${mine} vs ${check.total}`);
  } else {
    const today = wibDay(at);
    // Everything overdue, plus the next installment (the one due today or next).
    const nextIndex = unpaid.findIndex((r) => wibDay(r.dueDate) >= today);
    const chosen = mode === "all" ? unpaid : unpaid.filter((r, i) => wibDay(r.dueDate) < today || i === nextIndex);
    due = chosen.map((r) => ({ number: r.number, principal: r.principal, interest: r.interest - r.interestWaived, principalPaid: r.principalPaid, interestPaid: r.interestPaid }));
  }
  const lateFees = loan.lateFeeCharged - loan.lateFeePaid;
  const total = lateFees + sumBig(due.map((d) => d.principal - d.principalPaid + d.interest - d.interestPaid));
  return { due, waived, lateFees, total };
}

/**
 * Applies a payment to a loan inside the caller's transaction: late fees → interest → principal,
 * oldest installment first; shares every component among the lenders in proportion to their
 * investment (largest remainder, so the parts add up exactly) minus the lender service fee; and moves
 * the money payer → loan_collections → lenders' wallets and service fee revenue in one ledger batch.
 * The same idempotency key again returns the first repayment and moves nothing.
 */
export async function applyRepaymentInTx(tx: DbOrTx, input: ApplyRepayment): Promise<RepaymentOutcome> {
  const [prior] = await tx.select().from(loanRepayments).where(eq(loanRepayments.idempotencyKey, input.idempotencyKey)).limit(1);
  if (prior) {
    if (prior.loanId !== input.loanId) throw new Conflict("idempotency_key_reused", "This idempotency key was already used for another payment.");
    const [l] = await tx.select({ status: loans.status }).from(loans).where(eq(loans.id, prior.loanId));
    return { repayment: prior, created: false, loanStatus: l!.status };
  }
  const loan = await lockLoan(tx, input.loanId);
  if (!PAYABLE[input.mode].includes(loan.status)) throw new Conflict("loan_not_payable", `This loan is ${loan.status.replace("_", " ")}; it cannot take this payment.`);
  const at = now();
  const rows = await currentInstallments(tx, loan);
  const { due, waived, lateFees, total } = payableNow(loan, rows, input.mode, at);
  const amount = input.amount ?? total;
  if (input.mode === "payoff" && amount < total) throw new Conflict("payoff_short", "Settling the loan today takes the full payoff amount (details.total).", { total: idr(total) });
  const split = applyPayment(due, amount, lateFees);
  const taken = amount - split.overpayment;
  if (taken <= 0n) throw new Conflict("nothing_due", "Nothing is owed on this loan right now.");

  const shares = await activeShares(tx, loan.id);
  const payouts = distributeRepayment(
    shares.map((s) => ({ id: s.id, invested: s.invested })),
    { principal: split.principal, interest: split.interest, lateFee: split.lateFee },
    BigInt(loan.serviceFeeBps),
  );
  const serviceFee = sumBig(payouts.map((p) => p.serviceFee));
  const [repayment] = await tx
    .insert(loanRepayments)
    .values({
      loanId: loan.id,
      payerId: input.payerId,
      source: input.source,
      amount: taken,
      principal: split.principal,
      interest: split.interest,
      lateFee: split.lateFee,
      serviceFee,
      allocations: split.installments.map((a) => ({ number: a.number, interest: a.interest.toString(), principal: a.principal.toString() })),
      idempotencyKey: input.idempotencyKey,
      occurredAt: at,
    })
    .returning();
  const rid = repayment!.id;

  const collections = await ensureLoanAccount(tx, loan.id, "loan_collections");
  const source = input.from === "borrower_cash" ? await ensureUserAccount(tx, loan.borrowerId, "user_cash") : await ensurePlatformAccount(tx, "recovery_clearing");
  const transfers: TransferInput[] = [
    { debit: source.id, credit: collections.id, amount: taken, unit: "IDR", kind: input.source === "recovery" ? "loan_recovery" : "loan_repayment", idempotencyKey: `repay:${rid}:in`, reference: { type: "loan_repayment", id: rid }, metadata: { loanId: loan.id } },
  ];
  for (let i = 0; i < payouts.length; i++) {
    const p = payouts[i]!;
    if (p.net <= 0n) continue;
    const cash = await ensureUserAccount(tx, shares[i]!.lenderId, "user_cash");
    transfers.push({ debit: collections.id, credit: cash.id, amount: p.net, unit: "IDR", kind: "loan_distribution", idempotencyKey: `repay:${rid}:inv:${p.id}`, reference: { type: "loan_repayment", id: rid }, metadata: { loanId: loan.id, investmentId: p.id } });
  }
  if (serviceFee > 0n) {
    const revenue = await ensurePlatformAccount(tx, "lender_service_fee_revenue");
    transfers.push({ debit: collections.id, credit: revenue.id, amount: serviceFee, unit: "IDR", kind: "lender_service_fee", idempotencyKey: `repay:${rid}:fee`, reference: { type: "loan_repayment", id: rid } });
  }
  await transferMany(tx, transfers);
  // Reinvest: lenders whose cash just grew and who have a reinvest strategy get a matching run.
  await onCashArrived(tx, payouts.flatMap((p, i) => (p.net > 0n ? [shares[i]!.lenderId] : [])));
  await tx.insert(lenderDistributions).values(
    payouts.map((p, i) => ({ repaymentId: rid, investmentId: p.id, lenderId: shares[i]!.lenderId, principal: p.principal, interest: p.interest, lateFee: p.lateFee, serviceFee: p.serviceFee, net: p.net, occurredAt: at })),
  );

  // Installments: add what was paid; an early payoff also waives the interest not yet accrued.
  const settling = input.mode === "payoff";
  const paidNow: number[] = [];
  for (const r of rows.filter((x) => x.paidAt === null)) {
    const a = split.installments.find((x) => x.number === r.number);
    const waive = settling ? (waived.get(r.number) ?? 0n) : 0n;
    if (!a && waive === 0n) continue;
    const next = { principalPaid: r.principalPaid + (a?.principal ?? 0n), interestPaid: r.interestPaid + (a?.interest ?? 0n), interestWaived: r.interestWaived + waive };
    const full = owedOn({ ...r, ...next }) === 0n;
    if (full) paidNow.push(r.number);
    await tx.update(installments).set({ ...next, paidAt: full ? at : null }).where(eq(installments.id, r.id));
  }
  const allPaid = rows.every((r) => r.paidAt !== null || paidNow.includes(r.number));
  const today = wibDay(at);
  const stillOverdue = rows.some((r) => r.paidAt === null && !paidNow.includes(r.number) && wibDay(r.dueDate) < today);
  let status: Loan["status"] = loan.status;
  if (loan.status !== "written_off") status = allPaid ? "repaid" : stillOverdue ? loan.status : "active";
  await tx
    .update(loans)
    .set({
      status,
      principalPaid: sql`${loans.principalPaid} + ${split.principal}`,
      lateFeePaid: sql`${loans.lateFeePaid} + ${split.lateFee}`,
      recovered: input.source === "recovery" ? sql`${loans.recovered} + ${taken}` : loans.recovered,
      daysPastDue: stillOverdue ? loans.daysPastDue : 0,
      repaidAt: status === "repaid" ? at : null,
      updatedAt: at,
    })
    .where(eq(loans.id, loan.id));

  await track(tx, { name: input.source === "recovery" ? "loan_recovery_received" : "loan_repayment_received", userId: loan.borrowerId, properties: { loanId: loan.id, repaymentId: rid, source: input.source, amount: taken, principal: split.principal, interest: split.interest, lateFee: split.lateFee, serviceFee } });
  for (const n of paidNow) await track(tx, { name: "installment_paid", userId: loan.borrowerId, properties: { loanId: loan.id, number: n, repaymentId: rid } });
  if (settling) await track(tx, { name: "loan_early_payoff", userId: loan.borrowerId, properties: { loanId: loan.id, amount: taken, interestWaived: sumBig(waived.values()) } });
  if (status === "repaid") await track(tx, { name: "loan_repaid", userId: loan.borrowerId, properties: { loanId: loan.id, principal: loan.principal } });
  await notify(tx, [
    ...paidNow.filter(() => status !== "repaid").map((n) => ({ userId: loan.borrowerId, kind: "installment_paid", params: { number: n }, link: loanLink(loan.id, "borrower") })),
    ...(status === "repaid" ? [{ userId: loan.borrowerId, kind: "loan_repaid", params: { amount: idr(loan.principal) }, link: loanLink(loan.id, "borrower") }] : []),
    ...payouts.filter((p) => p.net > 0n).map((p) => ({ userId: shares.find((s) => s.id === p.id)!.lenderId, kind: status === "repaid" ? "loan_repaid_lender" : "repayment_received", params: { amount: idr(status === "repaid" ? shares.find((s) => s.id === p.id)!.invested : p.net) }, link: loanLink(loan.id, "lender") })),
  ]);
  return { repayment: repayment!, created: true, loanStatus: status };
}
