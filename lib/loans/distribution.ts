import { BPS, largestRemainder, minBig, mulDivFloor } from "./math";

/**
 * What a borrower's payment pays for (applyPayment), and how each part is shared among the lenders
 * who funded the loan (distributeRepayment). Pure; the ledger verbs move the money.
 */

export type RepaymentSplit = { principal: bigint; interest: bigint; lateFee: bigint };

export type LenderShare = {
  /** A stable, unique key (the investment id): it breaks ties, so results never depend on input order. */
  id: string;
  invested: bigint;
};

export type LenderPayout = RepaymentSplit & { id: string; serviceFee: bigint; net: bigint };

/**
 * The lender service fee, 1 % by default, is charged on each lender's interest + late fee received,
 * never on principal. Why: principal coming back is the lender's own money, not income; charging on
 * earnings only means a lender never gets back less principal than they lent because of our fee,
 * the fee can never exceed what they earned (net income ≥ 0), and a zero-interest or
 * principal-only repayment costs the lender nothing.
 */
export const DEFAULT_SERVICE_FEE_BPS = 100n;

/**
 * Splits each component pro rata to the invested amounts with the largest-remainder method
 * (floor, then leftover rupiah by largest remainder, ties by ascending id), so every component's
 * parts sum exactly to that component. Each lender's fee is floor(bps × (interest + late fee) /
 * 10 000): rounding down favours the lender, and the platform's fee is the sum of these floors.
 * Payouts come back in the order of `shares`.
 */
export function distributeRepayment(
  shares: readonly LenderShare[],
  repayment: RepaymentSplit,
  serviceFeeBps: bigint = DEFAULT_SERVICE_FEE_BPS,
): LenderPayout[] {
  if (shares.length === 0) throw new RangeError("no lenders to distribute to");
  if (shares.some((s) => s.invested <= 0n)) throw new RangeError("every share must be positive");
  if (serviceFeeBps < 0n || serviceFeeBps > BPS) throw new RangeError("service fee must be 0..10 000 bps");
  const weights = shares.map((s) => ({ key: s.id, weight: s.invested }));
  const principal = largestRemainder(repayment.principal, weights);
  const interest = largestRemainder(repayment.interest, weights);
  const lateFee = largestRemainder(repayment.lateFee, weights);

  return shares.map((share, index) => {
    const p = principal[index]!;
    const i = interest[index]!;
    const l = lateFee[index]!;
    const serviceFee = mulDivFloor(i + l, serviceFeeBps, BPS);
    return { id: share.id, principal: p, interest: i, lateFee: l, serviceFee, net: p + i + l - serviceFee };
  });
}

export type InstallmentDue = {
  number: number;
  principal: bigint;
  interest: bigint;
  principalPaid: bigint;
  interestPaid: bigint;
};

export type InstallmentAllocation = { number: number; interest: bigint; principal: bigint };

export type PaymentApplication = RepaymentSplit & {
  /** Only installments that received something, oldest first. */
  installments: InstallmentAllocation[];
  /** What is left after every listed installment and the late fees are settled (back to the wallet). */
  overpayment: bigint;
};

/**
 * Applies a payment in the order that protects the borrower's standing: first the loan's outstanding
 * late fees (they keep growing while unpaid), then installments oldest first, each one's interest
 * before its principal, so the oldest arrears clear before any newer installment is touched. Pass the
 * installments that may be paid (usually those due); anything beyond them is an overpayment.
 */
export function applyPayment(installments: readonly InstallmentDue[], amount: bigint, lateFeesOutstanding: bigint): PaymentApplication {
  if (amount < 0n || lateFeesOutstanding < 0n) throw new RangeError("amounts must be non-negative");
  for (const inst of installments) {
    if (inst.principalPaid < 0n || inst.interestPaid < 0n || inst.principalPaid > inst.principal || inst.interestPaid > inst.interest) {
      throw new RangeError(`paid amounts of installment ${inst.number} out of range`);
    }
  }
  if (new Set(installments.map((i) => i.number)).size !== installments.length) throw new RangeError("installment listed twice");

  let left = amount;
  const take = (owed: bigint) => {
    const paid = minBig(owed, left);
    left -= paid;
    return paid;
  };
  const lateFee = take(lateFeesOutstanding);
  const allocations: InstallmentAllocation[] = [];
  let interest = 0n;
  let principal = 0n;
  for (const inst of [...installments].sort((a, b) => a.number - b.number)) {
    if (left === 0n) break;
    const i = take(inst.interest - inst.interestPaid);
    const p = take(inst.principal - inst.principalPaid);
    if (i > 0n || p > 0n) allocations.push({ number: inst.number, interest: i, principal: p });
    interest += i;
    principal += p;
  }
  return { lateFee, interest, principal, installments: allocations, overpayment: left };
}
