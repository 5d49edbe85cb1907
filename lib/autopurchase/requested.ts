import { ceilToStep, floorToStep, maxBig } from "@/lib/loans/math";
import type { SkipReason } from "./schemas";

/**
 * How much one candidate strategy asks for on one loan, after the lender's and the strategy's own
 * caps — pure, so the rule is unit-tested and the matcher only feeds it the figures its one
 * set-based query read. Rounding: everything is floored to the loan's step (allocate() does too).
 */
export type CandidateFacts = {
  amountPerLoan: bigint;
  budget: bigint;
  maxPerBorrower: bigint | null;
  cashReserve: bigint;
  reinvest: boolean;
  /** Available cash (user_cash balance). */
  cash: bigint;
  /** All-time bought by the strategy, and what its purchases still have outstanding. */
  strategyInvested: bigint;
  strategyOutstanding: bigint;
  kycApproved: boolean;
  riskCheckPassed: boolean;
  /** Lender's outstanding on the platform, their limit, and their outstanding with this loan's borrower. */
  outstanding: bigint;
  limit: bigint;
  exposure: bigint;
};

export type RequestOutcome =
  | { ok: true; requested: bigint }
  | { ok: false; requested: bigint; reason: SkipReason; details: Record<string, string> };

const pos = (v: bigint) => (v > 0n ? v : 0n);

/** The smallest purchase this loan accepts from auto-purchase: the minimum rounded up to a step, at least a step. */
export function smallestPurchase(minimum: bigint, step: bigint): bigint {
  return maxBig(ceilToStep(minimum, step), step);
}

export function computeRequest(f: CandidateFacts, loan: { minimum: bigint; step: bigint }): RequestOutcome {
  const need = smallestPurchase(loan.minimum, loan.step);
  const s = (v: bigint) => pos(v).toString();
  const budgetUsed = f.reinvest ? f.strategyOutstanding : f.strategyInvested;
  const perLoan = floorToStep(f.amountPerLoan, loan.step);
  const cashFree = pos(f.cash - f.cashReserve);
  const limitLeft = pos(f.limit - f.outstanding);
  const exposureLeft = f.maxPerBorrower === null ? null : pos(f.maxPerBorrower - f.exposure);
  const budgetLeft = pos(f.budget - budgetUsed);

  let requested = perLoan;
  for (const cap of [cashFree, limitLeft, exposureLeft, budgetLeft]) if (cap !== null && cap < requested) requested = cap;
  requested = floorToStep(requested, loan.step);

  const skip = (reason: SkipReason, details: Record<string, string>): RequestOutcome => ({ ok: false, requested, reason, details });
  if (!f.kycApproved) return skip("kyc", {});
  if (!f.riskCheckPassed) return skip("risk_check", {});
  if (requested >= need) return { ok: true, requested };
  // The binding reason: the first cap, in this order, that leaves less than the smallest purchase.
  if (perLoan < need) return skip("below_minimum", { offered: s(perLoan), minimum: s(need) });
  if (f.cash < need) return skip("balance", { available: s(f.cash), needed: s(need) });
  if (cashFree < need) return skip("reserve", { available: s(f.cash), reserve: s(f.cashReserve), needed: s(need) });
  if (limitLeft < need) return skip("limit", { remaining: s(limitLeft), needed: s(need) });
  if (exposureLeft !== null && exposureLeft < need) return skip("exposure", { current: s(f.exposure), cap: s(f.maxPerBorrower!) });
  return skip("budget", { used: s(budgetUsed), budget: s(f.budget), needed: s(need) });
}
