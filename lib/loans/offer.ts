import "server-only";
import type { DbOrTx } from "@/db";
import { LimitExceeded } from "@/lib/errors";
import { groupThousands } from "@/lib/money/rupiah";
import { checkOffer, type CapViolation, type RegulatoryCap } from "./caps";
import { BPS, mulDivFloor } from "./math";
import { buildSchedule, tenorDays, type RepaymentMethod, type Schedule, type Tenor } from "./schedule";
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

/** 670 ppm → "0.067 %": the regulator writes daily caps as percentages. */
export function ppmAsPercent(ppm: bigint): string {
  const whole = ppm / 10_000n;
  const frac = (ppm % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""} %`;
}

export function describeViolation(v: CapViolation): string {
  switch (v.code) {
    case "daily_cost_exceeded":
      return `The all-in daily cost (interest and fees, Rp${groupThousands(v.cost)} over ${v.tenorDays} days) would be ${ppmAsPercent(v.actualPpm)} per day; the cap in force is ${ppmAsPercent(v.limitPpm)} per day.`;
    case "total_cost_exceeded":
      return `Interest and fees would total Rp${groupThousands(v.actual)}; the cap is ${v.limitPct} % of the principal, Rp${groupThousands(v.limit)}.`;
    case "outstanding_exceeded":
      return `The borrower would owe Rp${groupThousands(v.actual)} across Lumbung; the cap is Rp${groupThousands(v.limit)} per borrower.`;
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
      violations: violations.map((v) => ({ ...v, message: describeViolation(v) })),
    });
  }
  return { schedule, platformFee, cap };
}
