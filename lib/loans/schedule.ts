import { addDays, addMonths, differenceInCalendarDays } from "date-fns";
import { DAYS_PER_YEAR, MONTHLY_RATE_DENOMINATOR, BPS, maxBig, minBig, mulDivFloor, sumBig } from "./math";

/**
 * Repayment schedules. Pure: no clock, no database.
 *
 * Rates: `annualRateBps` is an integer number of basis points (1 800n = 18 %/yr). The monthly rate is
 * annual / 12, kept exact as bps / 120 000; days-tenor interest is Actual/365 (bps × days / 3 650 000).
 *
 * Rounding rules (all amounts charged to the borrower round DOWN to the rupiah, so the schedule never
 * asks for a fraction of a rupiah more than the contract rate; the last installment absorbs the rest):
 *  - annuity installment = floor(exact annuity payment). Rp100.000.000, 18 %, 12 months: the exact
 *    payment is 9 167 999.29… → Rp9.167.999 for installments 1…11 (the last is Rp9.167.998).
 *  - interest of every period = floor(rate × basis): declining balance for annuity, original principal
 *    for flat and monthly bullet, principal × days / 365 for days-tenor bullet.
 *  - principal part = installment − interest (annuity) or floor(principal / n) (flat); the LAST
 *    installment takes whatever principal is still outstanding, so principal parts sum exactly to
 *    the loan amount, and its interest is computed on that balance like any other period.
 *  - early payoff accrues the current period's interest pro rata by calendar days, floored.
 *
 * Due dates are addMonths(start, k) (not chained), so a 31st start clamps to short months' last day
 * and returns to the 31st afterwards; days tenors use addDays(start, days).
 */

export type RepaymentMethod = "annuity" | "flat" | "bullet";
export const REPAYMENT_METHODS: readonly RepaymentMethod[] = ["annuity", "flat", "bullet"];

/** Monthly products count months; invoice financing counts days and is always one bullet payment. */
export type Tenor = { unit: "months"; count: number } | { unit: "days"; count: number };

export type ScheduleInput = {
  principal: bigint;
  annualRateBps: bigint;
  tenor: Tenor;
  method: RepaymentMethod;
  /** Disbursement date: the start of the first interest period. */
  startDate: Date;
};

export type Installment = {
  number: number;
  dueDate: Date;
  principal: bigint;
  interest: bigint;
  total: bigint;
};

export type Schedule = Readonly<ScheduleInput> & { readonly installments: readonly Installment[] };

/** How much of each installment is already paid; installments not listed are unpaid. */
export type InstallmentPaid = { number: number; principalPaid: bigint; interestPaid: bigint };

export type Payoff = { principal: bigint; interest: bigint; total: bigint };

function validate(input: ScheduleInput): void {
  if (input.principal <= 0n) throw new RangeError("principal must be positive");
  if (input.annualRateBps < 0n) throw new RangeError("rate must be non-negative");
  if (!Number.isSafeInteger(input.tenor.count) || input.tenor.count < 1) throw new RangeError("tenor must be a positive integer");
  if (Number.isNaN(input.startDate.getTime())) throw new RangeError("invalid start date");
  if (input.tenor.unit === "days" && input.method !== "bullet") {
    throw new RangeError("a days tenor is a single payment at maturity: use the bullet method");
  }
}

/**
 * floor of the exact annuity payment P·r / (1 − (1 + r)^−n) with r = bps / 120 000, rewritten over
 * integers as P·bps·(D + bps)^n / (D·((D + bps)^n − D^n)), D = 120 000.
 */
export function annuityPayment(principal: bigint, annualRateBps: bigint, months: number): bigint {
  const n = BigInt(months);
  if (n < 1n) throw new RangeError("months must be positive");
  if (annualRateBps === 0n) return principal / n;
  const d = MONTHLY_RATE_DENOMINATOR;
  const grown = (d + annualRateBps) ** n;
  return (principal * annualRateBps * grown) / (d * (grown - d ** n));
}

function monthlyInterest(balance: bigint, annualRateBps: bigint): bigint {
  return mulDivFloor(balance, annualRateBps, MONTHLY_RATE_DENOMINATOR);
}

/** Interest for `days` calendar days, Actual/365, floored. */
export function interestForDays(principal: bigint, annualRateBps: bigint, days: number): bigint {
  return mulDivFloor(principal * annualRateBps, BigInt(days), BPS * DAYS_PER_YEAR);
}

function row(number: number, dueDate: Date, principal: bigint, interest: bigint): Installment {
  return { number, dueDate, principal, interest, total: principal + interest };
}

export function buildSchedule(input: ScheduleInput): Schedule {
  validate(input);
  const { principal, annualRateBps: rate, tenor, method, startDate } = input;
  if (tenor.unit === "days") {
    const interest = interestForDays(principal, rate, tenor.count);
    return { ...input, installments: [row(1, addDays(startDate, tenor.count), principal, interest)] };
  }

  const n = tenor.count;
  const due = (k: number) => addMonths(startDate, k);
  const installments: Installment[] = [];
  let balance = principal;

  if (method === "annuity") {
    const payment = annuityPayment(principal, rate, n);
    for (let k = 1; k <= n; k++) {
      const interest = monthlyInterest(balance, rate);
      // payment ≥ interest always (floor(P·r) ≤ floor(payment)); the clamps only make it obvious.
      const part = k === n ? balance : minBig(maxBig(payment - interest, 0n), balance);
      installments.push(row(k, due(k), part, interest));
      balance -= part;
    }
  } else {
    // Flat and bullet both charge interest on the original principal every month.
    const interest = monthlyInterest(principal, rate);
    const evenPart = method === "flat" ? principal / BigInt(n) : 0n;
    for (let k = 1; k <= n; k++) {
      const part = k === n ? balance : evenPart;
      installments.push(row(k, due(k), part, interest));
      balance -= part;
    }
  }
  return { ...input, installments };
}

/** The borrower's cost of credit: the sum of scheduled interest (fees are charged elsewhere). */
export function totalCost(schedule: Pick<Schedule, "installments">): bigint {
  return sumBig(schedule.installments.map((i) => i.interest));
}

export function totalRepayable(schedule: Pick<Schedule, "installments">): bigint {
  return sumBig(schedule.installments.map((i) => i.total));
}

/** Calendar days from disbursement to the final due date: the tenor the daily-cost cap divides by. */
export function tenorDays(schedule: Pick<Schedule, "installments" | "startDate">): number {
  const last = schedule.installments.at(-1);
  if (!last) throw new RangeError("empty schedule");
  return differenceInCalendarDays(last.dueDate, schedule.startDate);
}

/** A paid state where the first `count` installments are fully paid. */
export function paidThrough(schedule: Pick<Schedule, "installments">, count: number): InstallmentPaid[] {
  return schedule.installments
    .slice(0, count)
    .map((i) => ({ number: i.number, principalPaid: i.principal, interestPaid: i.interest }));
}

function paidIndex(schedule: Pick<Schedule, "installments">, paid: readonly InstallmentPaid[]) {
  const byNumber = new Map<number, InstallmentPaid>();
  for (const p of paid) {
    const inst = schedule.installments.find((i) => i.number === p.number);
    if (!inst) throw new RangeError(`no installment ${p.number}`);
    if (byNumber.has(p.number)) throw new RangeError(`installment ${p.number} listed twice`);
    if (p.principalPaid < 0n || p.interestPaid < 0n || p.principalPaid > inst.principal || p.interestPaid > inst.interest) {
      throw new RangeError(`paid amounts of installment ${p.number} out of range`);
    }
    byNumber.set(p.number, p);
  }
  return byNumber;
}

/**
 * What settles the loan on `payoffDate`, with no prepayment penalty: all unpaid principal, the unpaid
 * interest of every installment already due (due date ≤ payoff date), and for the period in progress
 * only the interest accrued so far, floor(interest × elapsed days / days in period). Interest already
 * paid towards a future period is credited against its accrual but never refunded here.
 */
export function payoffAmount(
  schedule: Pick<Schedule, "installments" | "startDate">,
  paid: readonly InstallmentPaid[],
  payoffDate: Date,
): Payoff {
  if (differenceInCalendarDays(payoffDate, schedule.startDate) < 0) throw new RangeError("payoff before disbursement");
  const byNumber = paidIndex(schedule, paid);
  let principal = 0n;
  let interest = 0n;
  let periodStart = schedule.startDate;
  for (const inst of schedule.installments) {
    const p = byNumber.get(inst.number);
    const principalPaid = p?.principalPaid ?? 0n;
    const interestPaid = p?.interestPaid ?? 0n;
    principal += inst.principal - principalPaid;
    const elapsed = differenceInCalendarDays(payoffDate, periodStart);
    if (differenceInCalendarDays(payoffDate, inst.dueDate) >= 0) {
      interest += inst.interest - interestPaid;
    } else if (elapsed > 0) {
      const periodDays = differenceInCalendarDays(inst.dueDate, periodStart);
      const accrued = mulDivFloor(inst.interest, BigInt(elapsed), BigInt(periodDays));
      interest += maxBig(accrued - interestPaid, 0n);
    }
    periodStart = inst.dueDate;
  }
  return { principal, interest, total: principal + interest };
}
