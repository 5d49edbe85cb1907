import { BPS, divFloor } from "./math";
import { gradeLetter, subgradeFromRank, subgradeNumber, SUBGRADES, type GradeLetter, type Subgrade } from "./grades";

/**
 * A transparent scorecard for business borrowers. Every factor adds or subtracts whole points with a
 * reason an admin can read; nothing is learned or hidden. The positive points add up to 100.
 * Money ratios are compared by cross-multiplication in basis points, never by dividing.
 *
 * Monotone by construction: each factor's points are a non-decreasing step function of revenue and
 * repaid loans and a non-increasing one of expenses, late payments, defaults and other platforms,
 * so more revenue never lowers the score and more defaults never raise it.
 */

export const SECTORS = ["trade", "food_beverage", "services", "manufacturing", "logistics", "agriculture", "construction", "other"] as const;
export type Sector = (typeof SECTORS)[number];

export type ScoringInput = {
  yearsOperating: number;
  monthlyRevenue: bigint;
  monthlyExpenses: bigint;
  sector: Sector;
  /** Other lending platforms the borrower currently owes money to. */
  otherPlatforms: number;
  documents: { bankStatements: boolean; businessLicence: boolean; id: boolean };
  /** The monthly installment of the loan applied for (schedule's first installment). */
  estimatedInstallment: bigint;
  repaymentHistory: { loansRepaid: number; latePayments: number; defaults: number };
};

/** Every factor of the scorecard, in the order the breakdown lists them (each has words in `words.factors`). */
export const SCORE_FACTORS = ["years_operating", "installment_coverage", "profit_margin", "sector", "other_platforms", "documents", "loans_repaid", "late_payments", "defaults"] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];

export type FactorScore = { factor: ScoreFactor; value: string; points: number; reason: string };

export type DeclineCode = "too_many_platforms" | "missing_identity" | "score_below_minimum";

export type ScoreResult = { score: number; breakdown: FactorScore[] } & (
  | { decision: "approved"; grade: Subgrade }
  | { decision: "declined"; reasons: DeclineCode[] }
);

/** OJK lets a borrower owe to at most three P2P platforms; a fourth is refused outright. */
export const MAX_OTHER_PLATFORMS = 3;
/** Below 20 points no grade is offered. From 20 each subgrade spans 3 points: E5 = 20–22 … A1 ≥ 92. */
export const MIN_SCORE = 20;
export const POINTS_PER_SUBGRADE = 3;

type Band = { atLeastBps: bigint; points: number; reason: string };

/**
 * Coverage = (revenue − expenses) / installment: what the business has left each month over the new
 * installment. Net cash flow, not gross revenue, because revenue eaten by costs repays nothing.
 * Below 1.2× there is no buffer for a bad month, hence the heavy penalty.
 */
const COVERAGE_BANDS: readonly Band[] = [
  { atLeastBps: 30_000n, points: 25, reason: "cash flow covers the installment 3× or more" },
  { atLeastBps: 20_000n, points: 20, reason: "cash flow covers the installment 2–3×" },
  { atLeastBps: 15_000n, points: 12, reason: "cash flow covers the installment 1.5–2×" },
  { atLeastBps: 12_000n, points: 5, reason: "cash flow covers the installment 1.2–1.5×: thin buffer" },
];
const COVERAGE_PENALTY = -40;

/** Margin = (revenue − expenses) / revenue: how much a fall in sales the business can absorb. */
const MARGIN_BANDS: readonly Band[] = [
  { atLeastBps: 3_000n, points: 15, reason: "margin 30 % or more" },
  { atLeastBps: 2_000n, points: 10, reason: "margin 20–30 %" },
  { atLeastBps: 1_000n, points: 5, reason: "margin 10–20 %" },
  { atLeastBps: 0n, points: 0, reason: "margin under 10 %: little room for a bad month" },
];
const LOSS_PENALTY = -15;

/** Sector points reflect how steady the sector's cash flow is across the year. */
const SECTOR_POINTS: Record<Sector, { points: number; reason: string }> = {
  trade: { points: 8, reason: "trade: fast stock turnover, steady daily sales" },
  food_beverage: { points: 8, reason: "food and beverage: daily demand, cash sales" },
  services: { points: 6, reason: "services: steady but client-concentrated" },
  manufacturing: { points: 6, reason: "manufacturing: steady orders, inventory risk" },
  logistics: { points: 6, reason: "logistics: steady volume, fuel-price exposure" },
  other: { points: 4, reason: "other sector: no sector evidence either way" },
  agriculture: { points: 3, reason: "agriculture: seasonal harvests and price swings" },
  construction: { points: 2, reason: "construction: long receivable cycles, project risk" },
};

/** Years in operation; a business that has not seen a full year has not seen its own seasons. */
function yearsPoints(years: number): { points: number; reason: string } {
  if (years >= 4) return { points: 15, reason: "4+ years: survived several business cycles" };
  if (years >= 2) return { points: 10, reason: "2–4 years: established" };
  if (years >= 1) return { points: 5, reason: "1–2 years: young business" };
  return { points: 0, reason: "under a year: no full year of trading" };
}

function platformPoints(count: number): { points: number; reason: string } {
  if (count === 0) return { points: 10, reason: "no debt on other platforms" };
  if (count === 1) return { points: 6, reason: "one other platform" };
  if (count === 2) return { points: 2, reason: "two other platforms" };
  if (count <= MAX_OTHER_PLATFORMS) return { points: -5, reason: "three other platforms: at the regulatory limit" };
  return { points: -20, reason: "more than three other platforms: refused" };
}

/** ratio numerator / denominator as "1.23×", floored to hundredths, for the admin's eyes only. */
function ratioText(numerator: bigint, denominator: bigint, suffix: string): string {
  const hundredths = divFloor(numerator * 100n, denominator);
  const sign = hundredths < 0n ? "-" : "";
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}${suffix}`;
}

function pickBand(numerator: bigint, denominator: bigint, bands: readonly Band[]): Band | undefined {
  // numerator / denominator ≥ bps / 10 000  ⇔  numerator × 10 000 ≥ bps × denominator (denominator > 0)
  return bands.find((b) => numerator * BPS >= b.atLeastBps * denominator);
}

function validate(input: ScoringInput): void {
  const counts = [input.otherPlatforms, input.repaymentHistory.loansRepaid, input.repaymentHistory.latePayments, input.repaymentHistory.defaults];
  if (counts.some((c) => !Number.isSafeInteger(c) || c < 0)) throw new RangeError("counts must be non-negative integers");
  if (!Number.isFinite(input.yearsOperating) || input.yearsOperating < 0) throw new RangeError("yearsOperating must be non-negative");
  if (input.monthlyRevenue < 0n || input.monthlyExpenses < 0n) throw new RangeError("revenue and expenses must be non-negative");
  if (input.estimatedInstallment <= 0n) throw new RangeError("estimatedInstallment must be positive");
  if (!SECTORS.includes(input.sector)) throw new RangeError(`unknown sector ${String(input.sector)}`);
}

export function scoreBreakdown(input: ScoringInput): FactorScore[] {
  validate(input);
  const { monthlyRevenue: revenue, monthlyExpenses: expenses, estimatedInstallment: installment } = input;
  const net = revenue - expenses;
  const coverage = pickBand(net, installment, COVERAGE_BANDS);
  const margin = revenue === 0n ? undefined : pickBand(net, revenue, MARGIN_BANDS);
  const { loansRepaid, latePayments, defaults } = input.repaymentHistory;
  const docs = input.documents;

  return [
    { factor: "years_operating", value: String(input.yearsOperating), ...yearsPoints(input.yearsOperating) },
    {
      factor: "installment_coverage",
      value: ratioText(net, installment, "×"),
      points: coverage?.points ?? COVERAGE_PENALTY,
      reason: coverage?.reason ?? "cash flow covers the installment less than 1.2×: heavy penalty",
    },
    {
      factor: "profit_margin",
      value: revenue === 0n ? "no revenue" : ratioText(net * 100n, revenue, "%"),
      points: margin?.points ?? LOSS_PENALTY,
      reason: margin?.reason ?? (revenue === 0n ? "no revenue" : "loss-making: expenses exceed revenue"),
    },
    { factor: "sector", value: input.sector, ...SECTOR_POINTS[input.sector] },
    { factor: "other_platforms", value: String(input.otherPlatforms), ...platformPoints(input.otherPlatforms) },
    {
      factor: "documents",
      value: [docs.id && "id", docs.bankStatements && "bank statements", docs.businessLicence && "business licence"].filter(Boolean).join(", ") || "none",
      // Bank statements weigh more: they prove the revenue the other factors rely on.
      points: (docs.bankStatements ? 6 : 0) + (docs.businessLicence ? 4 : 0),
      reason: docs.id ? "6 for bank statements, 4 for a business licence" : "identity document missing: refused",
    },
    // 3 points per loan repaid on time, at most 15 (five loans show the habit; more adds little).
    { factor: "loans_repaid", value: String(loansRepaid), points: Math.min(15, 3 * loansRepaid), reason: "3 per loan repaid here, up to 15" },
    // −3 per late payment, at most −15, so one bad quarter does not outweigh years of history.
    { factor: "late_payments", value: String(latePayments), points: -Math.min(15, 3 * latePayments), reason: "−3 per late payment, down to −15" },
    // −30 per default, uncapped: a default is the event the score exists to predict.
    { factor: "defaults", value: String(defaults), points: -30 * defaults, reason: "−30 per default" },
  ];
}

/** The subgrade for a score, or null below MIN_SCORE. Monotone: a higher score never grades worse. */
export function gradeForScore(score: number): Subgrade | null {
  if (score < MIN_SCORE) return null;
  const stepsAboveFloor = Math.min(SUBGRADES.length - 1, Math.floor((score - MIN_SCORE) / POINTS_PER_SUBGRADE));
  return subgradeFromRank(SUBGRADES.length - 1 - stepsAboveFloor);
}

export function scoreApplication(input: ScoringInput): ScoreResult {
  const breakdown = scoreBreakdown(input);
  const score = breakdown.reduce((total, f) => total + f.points, 0);
  const reasons: DeclineCode[] = [];
  if (input.otherPlatforms > MAX_OTHER_PLATFORMS) reasons.push("too_many_platforms");
  if (!input.documents.id) reasons.push("missing_identity");
  const grade = gradeForScore(score);
  if (grade === null) reasons.push("score_below_minimum");
  if (reasons.length > 0 || grade === null) return { decision: "declined", score, breakdown, reasons };
  return { decision: "approved", score, breakdown, grade };
}

export type RateBand = { minRateBps: bigint; maxRateBps: bigint };
export type RateBands = Record<GradeLetter, RateBand>;

/**
 * The product's annual rate for a subgrade: subgrade 1 gets the letter's minimum, 5 its maximum, and
 * 2–4 sit at quarter steps between, floored to the basis point (rounding favours the borrower).
 */
export function rateForGrade(grade: Subgrade, bands: RateBands): bigint {
  const band = bands[gradeLetter(grade)];
  if (band.minRateBps < 0n || band.maxRateBps < band.minRateBps) throw new RangeError(`bad rate band for ${gradeLetter(grade)}`);
  const steps = BigInt(subgradeNumber(grade) - 1);
  return band.minRateBps + ((band.maxRateBps - band.minRateBps) * steps) / 4n;
}
