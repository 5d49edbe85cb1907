import type { InstallmentRow, Loan } from "@/db/schema";
import { now } from "@/lib/clock";
import { wibDay } from "./internal/store";

/** View shapes the UI renders (bigint money; dates as Date). Built from rows, no I/O. */
export type InstallmentStatus = "paid" | "due" | "late" | "upcoming" | "partial";

export type InstallmentView = {
  number: number;
  dueDate: Date;
  principal: bigint;
  interest: bigint;
  total: bigint;
  paid: bigint;
  waived: bigint;
  owed: bigint;
  status: InstallmentStatus;
  paidAt: Date | null;
};

export function toInstallmentView(r: InstallmentRow, at: Date = now()): InstallmentView {
  const paid = r.principalPaid + r.interestPaid;
  const owed = r.principal + r.interest - paid - r.interestWaived;
  const today = wibDay(at);
  const due = wibDay(r.dueDate);
  const status: InstallmentStatus = r.paidAt ? "paid" : due < today ? "late" : due === today ? "due" : paid > 0n ? "partial" : "upcoming";
  return { number: r.number, dueDate: r.dueDate, principal: r.principal, interest: r.interest, total: r.principal + r.interest, paid, waived: r.interestWaived, owed, status, paidAt: r.paidAt };
}

/** One line of what the Pay button takes now; the button's amount is the sum of these lines. */
export type DueLine =
  | { kind: "overdue" | "next"; number: number; dueDate: Date; amount: bigint }
  | { kind: "lateFees"; amount: bigint };

/**
 * What is due now, line by line: every overdue installment, the next one (due today or later), and
 * the late fees charged and not yet paid. Mirrors payableNow(…, "due") in internal/repayment-core,
 * so the total is what a wallet payment takes.
 */
export function dueNowLines(schedule: InstallmentView[], lateFeeOutstanding: bigint): { lines: DueLine[]; total: bigint } {
  const unpaid = schedule.filter((i) => i.status !== "paid");
  const lines: DueLine[] = unpaid.filter((i) => i.status === "late").map((i) => ({ kind: "overdue" as const, number: i.number, dueDate: i.dueDate, amount: i.owed }));
  const next = unpaid.find((i) => i.status !== "late");
  if (next) lines.push({ kind: "next", number: next.number, dueDate: next.dueDate, amount: next.owed });
  if (lateFeeOutstanding > 0n) lines.push({ kind: "lateFees", amount: lateFeeOutstanding });
  return { lines, total: lines.reduce((s, l) => s + l.amount, 0n) };
}

export type LoanSummaryView = {
  id: string;
  productCode: string;
  /** The product's name as copied at approval (its code only if the copy has none): loans are named by it. */
  productName: string;
  principal: bigint;
  rateBps: number;
  subgrade: string;
  tenor: number;
  tenorUnit: "months" | "days";
  method: Loan["method"];
  purpose: string;
  sector: string;
  status: Loan["status"];
  fundedAmount: bigint;
  /** Whole percent funded, floored (99 until the last rupiah arrives). */
  fundedPct: number;
  listedAt: Date;
  fundingDeadline: Date;
  holdbackUntil: Date;
  holdbackAmount: bigint;
  minInvestment: bigint;
  investmentStep: bigint;
  disbursedAt: Date | null;
  platformFee: bigint;
  daysPastDue: number;
  lateFeeOutstanding: bigint;
  lateFeeCharged: bigint;
  lateFeePaid: bigint;
  principalOutstanding: bigint;
  agreementAcceptedAt: Date | null;
};

export function toLoanSummary(l: Loan): LoanSummaryView {
  return {
    id: l.id,
    productCode: l.productCode,
    productName: typeof l.terms?.name === "string" ? l.terms.name : l.productCode,
    principal: l.principal,
    rateBps: l.rateBps,
    subgrade: l.subgrade,
    tenor: l.tenor,
    tenorUnit: l.tenorUnit,
    method: l.method,
    purpose: l.purpose,
    sector: l.sector,
    status: l.status,
    fundedAmount: l.fundedAmount,
    fundedPct: Number((l.fundedAmount * 100n) / l.principal),
    listedAt: l.listedAt,
    fundingDeadline: l.fundingDeadline,
    holdbackUntil: l.holdbackUntil,
    holdbackAmount: l.holdbackAmount,
    minInvestment: l.minInvestment,
    investmentStep: l.investmentStep,
    disbursedAt: l.disbursedAt,
    platformFee: l.platformFee,
    daysPastDue: l.daysPastDue,
    lateFeeOutstanding: l.lateFeeCharged - l.lateFeePaid,
    lateFeeCharged: l.lateFeeCharged,
    lateFeePaid: l.lateFeePaid,
    principalOutstanding: l.status === "funding" || l.status === "funded" || l.status === "cancelled" ? 0n : l.principal - l.principalPaid,
    agreementAcceptedAt: l.agreementAcceptedAt,
  };
}
