import "server-only";
import type { Loan } from "@/db/schema";
import { Conflict } from "@/lib/errors";

/**
 * The rules of investing in a loan, shared by invest() (one lender, manual or auto) and investMany()
 * (the auto-purchase batch), so both refuse exactly the same things.
 */
export type InvestSource = "manual" | "auto";

/** Open for funding: status funding and before its deadline, else Conflict loan_not_funding. */
export function assertLoanOpen(loan: Pick<Loan, "status" | "fundingDeadline">, at: Date): void {
  if (loan.status !== "funding" || loan.fundingDeadline.getTime() <= at.getTime()) {
    throw new Conflict("loan_not_funding", "This loan is no longer open for funding.");
  }
}

/** True while auto-purchase may fill only principal − holdback (manual investors may fill it all). */
export function inHoldback(loan: Pick<Loan, "holdbackUntil">, at: Date, source: InvestSource): boolean {
  return source === "auto" && at.getTime() < loan.holdbackUntil.getTime();
}

/** The most the loan's funded amount may reach through this source right now. */
export function fundingCeiling(loan: Pick<Loan, "principal" | "holdbackAmount" | "holdbackUntil">, at: Date, source: InvestSource): bigint {
  return inHoldback(loan, at, source) ? loan.principal - loan.holdbackAmount : loan.principal;
}

/**
 * Minimum and step: null when the amount is fine, else the field error key. The last piece of a loan
 * (amount === remaining) may be smaller than the minimum or off-step, or the loan could never fill.
 */
export function amountRuleError(loan: Pick<Loan, "minInvestment" | "investmentStep">, amount: bigint, remaining: bigint): "amountTooSmall" | "amountStep" | null {
  if (amount === remaining) return null;
  if (amount < loan.minInvestment) return "amountTooSmall";
  if (amount % loan.investmentStep !== 0n) return "amountStep";
  return null;
}
