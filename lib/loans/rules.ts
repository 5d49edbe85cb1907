/**
 * Client-safe loan rules for forms: the borrower's estimate on the application's loan step. The same
 * pure schedule math the server uses when it approves and disburses (lib/loans/schedule.ts), integer
 * rupiah and basis points throughout; only the grade (hence the rate within the product's bands) is
 * unknown before scoring, so the estimate is a range from the product's lowest to its highest rate.
 */
import { checkRupiah } from "@/lib/money/rupiah";
import { BPS, mulDivFloor } from "./math";
import { buildSchedule, type RepaymentMethod } from "./schedule";

export type EstimatePricing = {
  method: RepaymentMethod;
  tenorUnit: "months" | "days";
  minTenor: number;
  maxTenor: number;
  minAmount: string;
  maxAmount: string;
  platformFeeBps: number;
  /** Per grade letter, bps as numbers (as stored on the product). */
  rateBands: Record<string, { minRateBps: number; maxRateBps: number }>;
};

export type EstimateFigures = {
  rateBps: number;
  /** The regular installment (annuity/flat), the monthly interest (monthly bullet) or the single payment (days). */
  installment: bigint;
  /** The last payment, which differs for a bullet (principal + interest) and absorbs rounding otherwise. */
  lastPayment: bigint;
  totalRepayable: bigint;
  installments: number;
};

export type LoanEstimate = { low: EstimateFigures; high: EstimateFigures; platformFee: bigint; netDisbursed: bigint };

/** The product's lowest and highest annual rate over every grade, in bps. */
export function rateRangeBps(bands: EstimatePricing["rateBands"]): { min: number; max: number } | null {
  const values = Object.values(bands);
  if (values.length === 0) return null;
  return { min: Math.min(...values.map((b) => b.minRateBps)), max: Math.max(...values.map((b) => b.maxRateBps)) };
}

function figures(principal: bigint, rateBps: number, pricing: EstimatePricing, tenor: number): EstimateFigures {
  const schedule = buildSchedule({
    principal,
    annualRateBps: BigInt(rateBps),
    tenor: { unit: pricing.tenorUnit, count: tenor },
    method: pricing.tenorUnit === "days" ? "bullet" : pricing.method,
    // Amounts do not depend on the start date (months are counted, days tenors are one period).
    startDate: new Date(Date.UTC(2026, 0, 1)),
  });
  const rows = schedule.installments;
  return {
    rateBps,
    installment: rows[0]!.total,
    lastPayment: rows.at(-1)!.total,
    totalRepayable: rows.reduce((s, r) => s + r.total, 0n),
    installments: rows.length,
  };
}

/**
 * The estimate for the amount and tenor the borrower typed (strings, as the form holds them), or null
 * while they are not a whole rupiah amount and tenor inside the product's limits.
 */
export function estimateLoan(amount: string, tenor: string, pricing: EstimatePricing): LoanEstimate | null {
  const parsed = checkRupiah(amount, { min: BigInt(pricing.minAmount), max: BigInt(pricing.maxAmount) });
  if (!parsed.ok || !/^\d{1,4}$/.test(tenor.trim())) return null;
  const principal = parsed.value;
  const months = Number(tenor.trim());
  if (months < pricing.minTenor || months > pricing.maxTenor) return null;
  const range = rateRangeBps(pricing.rateBands);
  if (!range) return null;
  const platformFee = mulDivFloor(principal, BigInt(pricing.platformFeeBps), BPS);
  return {
    low: figures(principal, range.min, pricing, months),
    high: figures(principal, range.max, pricing, months),
    platformFee,
    netDisbursed: principal - platformFee,
  };
}
