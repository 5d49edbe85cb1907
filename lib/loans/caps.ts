import { PPM, maxBig, minBig, mulDivCeil, mulDivFloor } from "./math";
import { totalCost, type Installment, type Tenor } from "./schedule";

/**
 * Regulatory cost caps as a pure check over data; the rows themselves live in the database.
 *
 * Units: daily caps are integer parts per million per day (ppm = bps × 100), because the business
 * cap from 2026, 0.067 %/day, is 6.7 bps and has no exact integer-bps form: 0.067 % = 670 ppm. The
 * total-cost cap is a whole percentage of principal. Every comparison cross-multiplies, so no ratio
 * is ever rounded before it is compared; figures reported in violations are rounded UP so a breach
 * is never displayed as if it sat on the limit.
 */

export type CapSegment = "business";
/** "short": up to 12 months, and every days tenor (invoice financing); "long": over 12 months. */
export type TenorBucket = "short" | "long";

export type RegulatoryCap = {
  segment: CapSegment;
  tenorBucket: TenorBucket;
  effectiveFrom: Date;
  /** All-in daily cost (interest + platform fees) per day of tenor, ppm of principal. */
  maxDailyCostPpm: bigint;
  /** Late fee per day late, ppm of the outstanding amount it is charged on. */
  maxLateFeeDailyPpm: bigint;
  /** Interest + fees + late fees over the life of the loan, whole percent of principal. */
  maxTotalCostPctOfPrincipal: bigint;
  /** The borrower's outstanding principal across the platform, including this loan, rupiah. */
  maxOutstandingPerBorrower: bigint;
};

/** Business-loan caps in force from 1 January 2026, as a seed for the database rows. */
export const BUSINESS_CAPS_2026: readonly RegulatoryCap[] = (["short", "long"] as const).map((tenorBucket) => ({
  segment: "business",
  tenorBucket,
  effectiveFrom: new Date(2026, 0, 1),
  maxDailyCostPpm: 670n,
  maxLateFeeDailyPpm: 670n,
  maxTotalCostPctOfPrincipal: 100n,
  maxOutstandingPerBorrower: 2_000_000_000n,
}));

export function tenorBucket(tenor: Tenor): TenorBucket {
  return tenor.unit === "days" || tenor.count <= 12 ? "short" : "long";
}

/** The row for (segment, bucket) with the latest effectiveFrom on or before `date`; null if none. */
export function capInForce(
  caps: readonly RegulatoryCap[],
  segment: CapSegment,
  bucket: TenorBucket,
  date: Date,
): RegulatoryCap | null {
  let best: RegulatoryCap | null = null;
  for (const cap of caps) {
    if (cap.segment !== segment || cap.tenorBucket !== bucket || cap.effectiveFrom.getTime() > date.getTime()) continue;
    if (best && cap.effectiveFrom.getTime() === best.effectiveFrom.getTime()) {
      // Two rows for the same day would make the rule depend on row order: refuse rather than guess.
      throw new RangeError(`two ${segment}/${bucket} caps take effect on the same date`);
    }
    if (!best || cap.effectiveFrom.getTime() > best.effectiveFrom.getTime()) best = cap;
  }
  return best;
}

export type CapViolation =
  | { code: "daily_cost_exceeded"; limitPpm: bigint; actualPpm: bigint; cost: bigint; tenorDays: number }
  | { code: "total_cost_exceeded"; limitPct: bigint; limit: bigint; actual: bigint }
  | { code: "outstanding_exceeded"; limit: bigint; actual: bigint };

export type OfferToCheck = {
  cap: RegulatoryCap;
  principal: bigint;
  schedule: { installments: readonly Installment[] };
  /** Every fee the borrower pays the platform for this loan, rupiah. */
  platformFee: bigint;
  /** Calendar days from disbursement to final maturity (schedule.tenorDays). */
  tenorDays: number;
  /** The borrower's outstanding principal elsewhere on the platform before this loan. */
  borrowerOutstanding: bigint;
};

/** The cost cap in rupiah: floor(principal × pct / 100), the most the borrower may ever pay on top. */
export function totalCostLimit(cap: RegulatoryCap, principal: bigint): bigint {
  return mulDivFloor(principal, cap.maxTotalCostPctOfPrincipal, 100n);
}

/** Every cap the offer breaks, in a fixed order; an empty list means it may be offered. */
export function checkOffer(offer: OfferToCheck): CapViolation[] {
  const { cap, principal, platformFee, tenorDays, borrowerOutstanding } = offer;
  if (principal <= 0n) throw new RangeError("principal must be positive");
  if (!Number.isSafeInteger(tenorDays) || tenorDays < 1) throw new RangeError("tenorDays must be a positive integer");
  if (platformFee < 0n || borrowerOutstanding < 0n) throw new RangeError("fees and outstanding must be non-negative");

  const violations: CapViolation[] = [];
  const cost = totalCost(offer.schedule) + platformFee;
  const days = BigInt(tenorDays);

  // cost / principal / days ≤ ppm / 10⁶  ⇔  cost × 10⁶ ≤ ppm × principal × days
  if (cost * PPM > cap.maxDailyCostPpm * principal * days) {
    violations.push({
      code: "daily_cost_exceeded",
      limitPpm: cap.maxDailyCostPpm,
      actualPpm: mulDivCeil(cost, PPM, principal * days),
      cost,
      tenorDays,
    });
  }
  // cost ≤ pct × principal / 100  ⇔  cost × 100 ≤ pct × principal
  if (cost * 100n > cap.maxTotalCostPctOfPrincipal * principal) {
    violations.push({ code: "total_cost_exceeded", limitPct: cap.maxTotalCostPctOfPrincipal, limit: totalCostLimit(cap, principal), actual: cost });
  }
  const after = borrowerOutstanding + principal;
  if (after > cap.maxOutstandingPerBorrower) {
    violations.push({ code: "outstanding_exceeded", limit: cap.maxOutstandingPerBorrower, actual: after });
  }
  return violations;
}

export type LateFeeRequest = {
  cap: RegulatoryCap;
  principal: bigint;
  /** The amount the late fee is charged on (overdue or outstanding, per product terms). */
  outstanding: bigint;
  daysLate: number;
  /** The contract's full scheduled interest, not just what has accrued, so late fees never use up
   *  headroom the remaining interest will need. */
  scheduledInterest: bigint;
  fees: bigint;
  lateFeesCharged: bigint;
  /** The fee the product terms would charge; omit to charge the cap. */
  proposed?: bigint;
};

export type LateFeeDecision = { fee: bigint; clampedBy: "none" | "daily_cap" | "total_cost_cap" };

/**
 * The late fee that may be charged for `daysLate` days: the proposed fee, cut to the daily cap
 * (floor(outstanding × ppm × days / 10⁶)) and then to what is left under the total-cost cap.
 */
export function maxLateFee(request: LateFeeRequest): LateFeeDecision {
  const { cap, principal, outstanding, daysLate, scheduledInterest, fees, lateFeesCharged } = request;
  if (!Number.isSafeInteger(daysLate) || daysLate < 0) throw new RangeError("daysLate must be a non-negative integer");
  if (outstanding < 0n || scheduledInterest < 0n || fees < 0n || lateFeesCharged < 0n) {
    throw new RangeError("amounts must be non-negative");
  }
  const dailyCap = mulDivFloor(outstanding * cap.maxLateFeeDailyPpm, BigInt(daysLate), PPM);
  const headroom = maxBig(totalCostLimit(cap, principal) - scheduledInterest - fees - lateFeesCharged, 0n);
  const proposed = maxBig(request.proposed ?? dailyCap, 0n);

  let fee = proposed;
  let clampedBy: LateFeeDecision["clampedBy"] = "none";
  if (fee > dailyCap) {
    fee = dailyCap;
    clampedBy = "daily_cap";
  }
  if (fee > headroom) {
    fee = minBig(fee, headroom);
    clampedBy = "total_cost_cap";
  }
  return { fee, clampedBy };
}

export type LateFeeProposalInput = {
  cap: RegulatoryCap;
  principal: bigint;
  /** What is overdue on the day: the amounts still owed on installments due before it. */
  overdue: bigint;
  /** The product's late-fee rate copied into the loan's terms, parts per million per day. */
  lateFeeDailyPpm: bigint;
  /** The contract's scheduled interest net of waivers (Σ interest − interest waived over the current schedule). */
  scheduledInterest: bigint;
  /** Fees counted against the total-cost cap (the platform fee). */
  fees: bigint;
  /** Late fees charged on the loan before this day. */
  lateFeesCharged: bigint;
};

/**
 * One serviced day's late fee (the daily servicing run, lib/loans/servicing.ts): the product's rate on
 * the overdue amount, floored (floor(overdue × ppm / 10⁶)), then cut by maxLateFee to the regulatory
 * daily cap for one day and to what the total-cost cap leaves. Nothing overdue, nothing charged.
 * `proposed` is the product's fee before the caps.
 */
export function proposeLateFee(input: LateFeeProposalInput): LateFeeDecision & { proposed: bigint } {
  const { cap, principal, overdue, lateFeeDailyPpm, scheduledInterest, fees, lateFeesCharged } = input;
  if (overdue < 0n || lateFeeDailyPpm < 0n) throw new RangeError("amounts must be non-negative");
  if (overdue === 0n) return { fee: 0n, clampedBy: "none", proposed: 0n };
  const proposed = mulDivFloor(overdue, lateFeeDailyPpm, PPM);
  const decision = maxLateFee({ cap, principal, outstanding: overdue, daysLate: 1, scheduledInterest, fees, lateFeesCharged, proposed });
  return { ...decision, proposed };
}
