import { BPS, mulDivFloor } from "./math";
import { buildSchedule } from "./schedule";

export type LenderInstallment = { number: number; dueDate: Date; principal: bigint; interest: bigint; serviceFee: bigint; net: bigint };
export type LenderReturn = { installments: LenderInstallment[]; principal: bigint; interestGross: bigint; serviceFee: bigint; interestNet: bigint; totalNet: bigint };

type LoanTerms = { rateBps: number; tenor: number; tenorUnit: "months" | "days"; method: "annuity" | "flat" | "bullet"; serviceFeeBps: number };

/**
 * What a lender would receive for `amount` invested on the loan's terms, if disbursed at `startDate`:
 * the schedule on that amount, minus the lender service fee on each installment's interest (floored
 * per installment, as distribution does). Pure; an estimate, since the real shares follow the loan's
 * own schedule pro rata.
 */
export function lenderReturn(loan: LoanTerms, amount: bigint, startDate: Date): LenderReturn {
  const schedule = buildSchedule({
    principal: amount,
    annualRateBps: BigInt(loan.rateBps),
    tenor: { unit: loan.tenorUnit, count: loan.tenor },
    method: loan.method,
    startDate,
  });
  const installments = schedule.installments.map((i) => {
    const serviceFee = mulDivFloor(i.interest, BigInt(loan.serviceFeeBps), BPS);
    return { number: i.number, dueDate: i.dueDate, principal: i.principal, interest: i.interest, serviceFee, net: i.principal + i.interest - serviceFee };
  });
  const sum = (f: (i: LenderInstallment) => bigint) => installments.reduce((s, i) => s + f(i), 0n);
  const interestGross = sum((i) => i.interest);
  const serviceFee = sum((i) => i.serviceFee);
  return { installments, principal: amount, interestGross, serviceFee, interestNet: interestGross - serviceFee, totalNet: amount + interestGross - serviceFee };
}
