import "server-only";
import type { DbOrTx } from "@/db";
import { LimitExceeded } from "@/lib/errors";
import { idr, ppm, type MessageParams } from "@/lib/money/params";
import { checkOffer, type CapViolation, type RegulatoryCap } from "../caps";
import { BPS, mulDivFloor } from "../math";
import { buildSchedule, tenorDays, type RepaymentMethod, type Schedule, type Tenor } from "../schedule";
import { borrowerOutstanding, capFor } from "./store";

export type OfferTerms = {
  borrowerId: string;
  principal: bigint;
  rateBps: bigint;
  tenor: Tenor;
  method: RepaymentMethod;
  platformFeeBps: bigint;
  /** The date the caps are read for and the schedule starts on. */
  at: Date;
  /** When re-checking an existing loan (disbursement), its own principal is not "elsewhere". */
  excludeLoanId?: string;
};

export type CheckedOffer = { schedule: Schedule; platformFee: bigint; cap: RegulatoryCap };

export function platformFeeFor(principal: bigint, feeBps: bigint): bigint {
  return mulDivFloor(principal, feeBps, BPS);
}

/** A cap violation's figures as typed params (rendered in the reader's language where shown). */
export function violationParams(v: CapViolation): MessageParams {
  switch (v.code) {
    case "daily_cost_exceeded":
      return { cost: idr(v.cost), tenorDays: v.tenorDays, actual: ppm(v.actualPpm), limit: ppm(v.limitPpm) };
    case "total_cost_exceeded":
      return { actual: idr(v.actual), limit: idr(v.limit), limitPct: Number(v.limitPct) };
    case "outstanding_exceeded":
      return { actual: idr(v.actual), limit: idr(v.limit) };
  }
}

/** An English sentence per violation for logs and API clients, without formatted figures (they are in the params). */
export function describeViolation(v: CapViolation): string {
  switch (v.code) {
    case "daily_cost_exceeded":
      return "The all-in daily cost (interest and fees) would be above the daily cap in force.";
    case "total_cost_exceeded":
      return `Interest and fees would total more than ${v.limitPct} % of the principal, the cap in force.`;
    case "outstanding_exceeded":
      return "The borrower would owe more across Lumbung than the per-borrower cap.";
  }
}

/**
 * Builds the schedule of an offer and checks it against the caps in force on `at`. An offer that
 * breaks any cap is refused with every reason and its figures (LimitExceeded "cap_exceeded").
 */
export async function checkOfferAgainstCaps(tx: DbOrTx, terms: OfferTerms): Promise<CheckedOffer> {
  const cap = await capFor(tx, terms.tenor, terms.at);
  const schedule = buildSchedule({
    principal: terms.principal,
    annualRateBps: terms.rateBps,
    tenor: terms.tenor,
    method: terms.method,
    startDate: terms.at,
  });
  const platformFee = platformFeeFor(terms.principal, terms.platformFeeBps);
  const violations = checkOffer({
    cap,
    principal: terms.principal,
    schedule,
    platformFee,
    tenorDays: tenorDays(schedule),
    borrowerOutstanding: await borrowerOutstanding(tx, terms.borrowerId, terms.excludeLoanId),
  });
  if (violations.length > 0) {
    throw new LimitExceeded("cap_exceeded", violations.map(describeViolation).join(" "), {
      violations: violations.map((v) => ({ code: v.code, message: describeViolation(v), params: violationParams(v) })),
    });
  }
  return { schedule, platformFee, cap };
}
