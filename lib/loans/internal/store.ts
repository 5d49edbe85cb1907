import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { installments, loanInvestments, loanProducts, loans, regulatoryCaps, type InstallmentRow, type Loan, type LoanProduct } from "@/db/schema";
import { LimitExceeded, NotFound } from "@/lib/errors";
import { capInForce, tenorBucket, type RegulatoryCap } from "../caps";
import type { RateBands } from "../scoring";
import type { Tenor } from "../schedule";

/** Shared reads and row helpers of the loan verbs (server-only; the verbs own the writes). */

/** Loans whose principal counts against the per-borrower cap: everything not yet closed. */
export const OPEN_LOAN_STATUSES = ["funding", "funded", "active", "late", "default"] as const;
export const SERVICED_STATUSES = ["active", "late", "default"] as const;

export async function lockLoan(tx: DbOrTx, loanId: string): Promise<Loan> {
  const [row] = await tx.select().from(loans).where(eq(loans.id, loanId)).for("update").limit(1);
  if (!row) throw new NotFound("The loan");
  return row;
}

export async function getProduct(tx: DbOrTx, productId: string): Promise<LoanProduct> {
  const [row] = await tx.select().from(loanProducts).where(eq(loanProducts.id, productId)).limit(1);
  if (!row) throw new NotFound("The loan product");
  return row;
}

export function tenorOf(unit: "months" | "days", count: number): Tenor {
  return { unit, count };
}

export function rateBandsOf(product: Pick<LoanProduct, "rateBands">): RateBands {
  const out = {} as RateBands;
  for (const [letter, band] of Object.entries(product.rateBands)) {
    out[letter as keyof RateBands] = { minRateBps: BigInt(band.minRateBps), maxRateBps: BigInt(band.maxRateBps) };
  }
  return out;
}

export async function loadCaps(tx: DbOrTx): Promise<RegulatoryCap[]> {
  const rows = await tx.select().from(regulatoryCaps);
  return rows.map((r) => ({
    segment: r.segment,
    tenorBucket: r.tenorBucket,
    effectiveFrom: r.effectiveFrom,
    maxDailyCostPpm: r.maxDailyCostPpm,
    maxLateFeeDailyPpm: r.maxLateFeeDailyPpm,
    maxTotalCostPctOfPrincipal: r.maxTotalCostPct,
    maxOutstandingPerBorrower: r.maxOutstandingPerBorrower,
  }));
}

/** The business cap in force on `at` for the tenor; no row means nothing may be offered. */
export async function capFor(tx: DbOrTx, tenor: Tenor, at: Date): Promise<RegulatoryCap> {
  const cap = capInForce(await loadCaps(tx), "business", tenorBucket(tenor), at);
  if (!cap) {
    throw new LimitExceeded("no_cap_in_force", "No regulatory cap is in force for this tenor on this date, so no offer can be made.", {
      tenorBucket: tenorBucket(tenor),
    });
  }
  return cap;
}

/** Principal the borrower owes (or will owe) across open loans, optionally leaving one out. */
export async function borrowerOutstanding(tx: DbOrTx, borrowerId: string, excludeLoanId?: string): Promise<bigint> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${loans.principal} - ${loans.principalPaid}), 0)::text` })
    .from(loans)
    .where(
      and(
        eq(loans.borrowerId, borrowerId),
        inArray(loans.status, [...OPEN_LOAN_STATUSES]),
        excludeLoanId ? sql`${loans.id} <> ${excludeLoanId}` : undefined,
      ),
    );
  return BigInt(row?.total ?? "0");
}

export async function currentInstallments(tx: DbOrTx, loan: Pick<Loan, "id" | "scheduleVersion">): Promise<InstallmentRow[]> {
  return tx
    .select()
    .from(installments)
    .where(and(eq(installments.loanId, loan.id), eq(installments.scheduleVersion, loan.scheduleVersion)))
    .orderBy(asc(installments.number));
}

export async function unpaidInstallments(tx: DbOrTx, loan: Pick<Loan, "id" | "scheduleVersion">): Promise<InstallmentRow[]> {
  return tx
    .select()
    .from(installments)
    .where(and(eq(installments.loanId, loan.id), eq(installments.scheduleVersion, loan.scheduleVersion), isNull(installments.paidAt)))
    .orderBy(asc(installments.number));
}

/** The lenders who funded the loan and their amounts (active after disbursement). */
export async function activeShares(tx: DbOrTx, loanId: string) {
  return tx
    .select({ id: loanInvestments.id, lenderId: loanInvestments.lenderId, invested: loanInvestments.amount })
    .from(loanInvestments)
    .where(and(eq(loanInvestments.loanId, loanId), eq(loanInvestments.status, "active")))
    .orderBy(asc(loanInvestments.id));
}

export function owedOn(i: Pick<InstallmentRow, "principal" | "interest" | "principalPaid" | "interestPaid" | "interestWaived">): bigint {
  return i.principal + i.interest - i.principalPaid - i.interestPaid - i.interestWaived;
}

/**
 * Servicing counts calendar days in Western Indonesia Time (UTC+7, no daylight saving): the day an
 * installment falls due and the days it is late are the borrower's days, not the server's.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
export function wibDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}
export function addDaysToDay(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);
}

export function loanLink(loanId: string, audience: "borrower" | "lender" | "admin"): string {
  return audience === "borrower" ? `/borrower/loans/${loanId}` : audience === "lender" ? `/lender/portfolio/${loanId}` : `/admin/loans/${loanId}`;
}
