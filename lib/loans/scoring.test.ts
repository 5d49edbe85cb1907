import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SUBGRADES, gradeRank, type Subgrade } from "./grades";
import { SECTORS, gradeForScore, rateForGrade, scoreApplication, scoreBreakdown, type RateBands, type ScoreFactor, type ScoringInput } from "./scoring";

const strong: ScoringInput = {
  yearsOperating: 5,
  monthlyRevenue: 100_000_000n,
  monthlyExpenses: 60_000_000n,
  sector: "trade",
  otherPlatforms: 0,
  documents: { bankStatements: true, businessLicence: true, id: true },
  estimatedInstallment: 10_000_000n,
  repaymentHistory: { loansRepaid: 5, latePayments: 0, defaults: 0 },
};
const factor = (input: ScoringInput, name: ScoreFactor) => scoreBreakdown(input).find((f) => f.factor === name)!;
const points = (input: ScoringInput, name: ScoreFactor) => factor(input, name).points;

describe("scoreApplication", () => {
  it("grades a strong applicant A1 with a full breakdown", () => {
    const result = scoreApplication(strong);
    expect(result).toMatchObject({ decision: "approved", score: 98, grade: "A1" });
    expect(result.breakdown.map((f) => f.factor)).toEqual([
      "years_operating", "installment_coverage", "profit_margin", "sector", "other_platforms", "documents", "loans_repaid", "late_payments", "defaults",
    ]);
    for (const f of result.breakdown) expect(f.reason.length).toBeGreaterThan(0);
  });

  it("refuses more than three other platforms whatever the score (hard rule)", () => {
    expect(scoreApplication({ ...strong, otherPlatforms: 3 }).decision).toBe("approved");
    expect(scoreApplication({ ...strong, otherPlatforms: 4 })).toMatchObject({ decision: "declined", reasons: ["too_many_platforms"] });
  });

  it("refuses an applicant without an identity document", () => {
    expect(scoreApplication({ ...strong, documents: { ...strong.documents, id: false } })).toMatchObject({ decision: "declined", reasons: ["missing_identity"] });
  });

  it("declines a score below E5", () => {
    const weak = { ...strong, monthlyExpenses: 95_000_000n, repaymentHistory: { loansRepaid: 0, latePayments: 0, defaults: 1 } };
    expect(scoreApplication(weak)).toMatchObject({ decision: "declined", reasons: ["score_below_minimum"] });
  });

  it("refuses invalid input", () => {
    expect(() => scoreApplication({ ...strong, estimatedInstallment: 0n })).toThrow(RangeError);
    expect(() => scoreApplication({ ...strong, monthlyRevenue: -1n })).toThrow(RangeError);
    expect(() => scoreApplication({ ...strong, otherPlatforms: 1.5 })).toThrow(RangeError);
    expect(() => scoreApplication({ ...strong, yearsOperating: Number.NaN })).toThrow(RangeError);
  });
});

describe("factors", () => {
  it("years operating: 0 / 5 / 10 / 15 at 1, 2 and 4 years", () => {
    const at = (yearsOperating: number) => points({ ...strong, yearsOperating }, "years_operating");
    expect([0, 0.99, 1, 1.99, 2, 3.99, 4, 30].map(at)).toEqual([0, 0, 5, 5, 10, 10, 15, 15]);
  });

  it("coverage: −40 below 1.2×, then 5 / 12 / 20 / 25 at 1.2×, 1.5×, 2×, 3×", () => {
    const at = (net: bigint) => points({ ...strong, monthlyRevenue: 200_000_000n, monthlyExpenses: 200_000_000n - net }, "installment_coverage");
    expect([11_999_999n, 12_000_000n, 14_999_999n, 15_000_000n, 19_999_999n, 20_000_000n, 29_999_999n, 30_000_000n].map(at)).toEqual([
      -40, 5, 5, 12, 12, 20, 20, 25,
    ]);
    expect(factor({ ...strong, monthlyExpenses: 88_000_000n }, "installment_coverage").value).toBe("1.20×");
    expect(factor({ ...strong, monthlyExpenses: 105_000_000n }, "installment_coverage")).toMatchObject({ value: "-0.50×", points: -40 });
  });

  it("margin: −15 for a loss or no revenue, then 0 / 5 / 10 / 15 at 0 %, 10 %, 20 %, 30 %", () => {
    const at = (monthlyExpenses: bigint) => points({ ...strong, monthlyExpenses }, "profit_margin");
    expect([100_000_001n, 100_000_000n, 90_000_001n, 90_000_000n, 80_000_000n, 70_000_001n, 70_000_000n].map(at)).toEqual([-15, 0, 0, 5, 10, 10, 15]);
    expect(factor({ ...strong, monthlyRevenue: 0n, monthlyExpenses: 0n }, "profit_margin")).toMatchObject({ value: "no revenue", points: -15 });
    expect(factor(strong, "profit_margin").value).toBe("40.00%");
  });

  it("sector points stay within 0..10 and differ by cash-flow steadiness", () => {
    for (const sector of SECTORS) expect(points({ ...strong, sector }, "sector")).toBeGreaterThanOrEqual(0);
    expect(points({ ...strong, sector: "food_beverage" }, "sector")).toBeGreaterThan(points({ ...strong, sector: "construction" }, "sector"));
  });

  it("other platforms: 10 / 6 / 2 / −5 for 0..3", () => {
    expect([0, 1, 2, 3].map((otherPlatforms) => points({ ...strong, otherPlatforms }, "other_platforms"))).toEqual([10, 6, 2, -5]);
  });

  it("documents: 6 for bank statements, 4 for a licence", () => {
    const at = (bankStatements: boolean, businessLicence: boolean) => points({ ...strong, documents: { id: true, bankStatements, businessLicence } }, "documents");
    expect([at(true, true), at(true, false), at(false, true), at(false, false)]).toEqual([10, 6, 4, 0]);
  });

  it("history: +3 per repaid loan up to 15, −3 per late payment down to −15, −30 per default", () => {
    const at = (loansRepaid: number, latePayments: number, defaults: number) => scoreBreakdown({ ...strong, repaymentHistory: { loansRepaid, latePayments, defaults } });
    const pts = (name: ScoreFactor, ...args: [number, number, number]) => at(...args).find((f) => f.factor === name)!.points;
    expect([pts("loans_repaid", 0, 0, 0), pts("loans_repaid", 2, 0, 0), pts("loans_repaid", 9, 0, 0)]).toEqual([0, 6, 15]);
    expect([pts("late_payments", 0, 1, 0), pts("late_payments", 0, 9, 0)]).toEqual([-3, -15]);
    expect([pts("defaults", 0, 0, 1), pts("defaults", 0, 0, 3)]).toEqual([-30, -90]);
  });
});

describe("gradeForScore", () => {
  it("maps 3-point bands from 20 (E5) to 92+ (A1) and declines below 20", () => {
    expect([-50, 19].map(gradeForScore)).toEqual([null, null]);
    expect([20, 22, 23, 85, 91, 92, 100, 500].map(gradeForScore)).toEqual(["E5", "E5", "E4", "A4", "A2", "A1", "A1", "A1"]);
  });
});

describe("rateForGrade", () => {
  const bands: RateBands = {
    A: { minRateBps: 1_000n, maxRateBps: 1_400n },
    B: { minRateBps: 1_500n, maxRateBps: 1_802n },
    C: { minRateBps: 1_900n, maxRateBps: 1_900n },
    D: { minRateBps: 2_000n, maxRateBps: 2_200n },
    E: { minRateBps: 2_300n, maxRateBps: 2_400n },
  };

  it("interpolates subgrades 1..5 from the letter's minimum to its maximum, floored", () => {
    expect((["A1", "A2", "A3", "A4", "A5"] as Subgrade[]).map((g) => rateForGrade(g, bands))).toEqual([1_000n, 1_100n, 1_200n, 1_300n, 1_400n]);
    expect((["B1", "B2", "B3", "B4", "B5"] as Subgrade[]).map((g) => rateForGrade(g, bands))).toEqual([1_500n, 1_575n, 1_651n, 1_726n, 1_802n]);
    expect(rateForGrade("C3", bands)).toBe(1_900n);
  });

  it("refuses an inverted band", () => {
    expect(() => rateForGrade("D1", { ...bands, D: { minRateBps: 2_200n, maxRateBps: 2_000n } })).toThrow(RangeError);
  });

  it("stays within the band and never falls as the subgrade worsens", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 5_000n }), fc.bigInt({ min: 0n, max: 5_000n }), (a, width) => {
        const band = { minRateBps: a, maxRateBps: a + width };
        const all: RateBands = { A: band, B: band, C: band, D: band, E: band };
        const rates = (["C1", "C2", "C3", "C4", "C5"] as Subgrade[]).map((g) => rateForGrade(g, all));
        rates.forEach((r, i) => {
          expect(r >= band.minRateBps && r <= band.maxRateBps).toBe(true);
          if (i > 0) expect(r >= rates[i - 1]!).toBe(true);
        });
      }),
    );
  });
});

const money = fc.bigInt({ min: 0n, max: 5_000_000_000n });
const count = fc.integer({ min: 0, max: 12 });
const anyInput: fc.Arbitrary<ScoringInput> = fc.record({
  yearsOperating: fc.integer({ min: 0, max: 40 }),
  monthlyRevenue: money,
  monthlyExpenses: money,
  sector: fc.constantFrom(...SECTORS),
  otherPlatforms: fc.integer({ min: 0, max: 6 }),
  documents: fc.record({ bankStatements: fc.boolean(), businessLicence: fc.boolean(), id: fc.boolean() }),
  estimatedInstallment: fc.bigInt({ min: 1n, max: 500_000_000n }),
  repaymentHistory: fc.record({ loansRepaid: count, latePayments: count, defaults: fc.integer({ min: 0, max: 4 }) }),
});

/** a is at least as good an outcome as b: approved beats declined; among approvals, the better grade. */
function atLeastAsGood(a: ReturnType<typeof scoreApplication>, b: ReturnType<typeof scoreApplication>): boolean {
  if (a.score < b.score) return false;
  if (b.decision === "declined") return true;
  return a.decision === "approved" && gradeRank(a.grade) <= gradeRank(b.grade);
}

describe("monotonicity", () => {
  const check = (change: (input: ScoringInput, n: number, amount: bigint) => ScoringInput) =>
    fc.assert(
      fc.property(anyInput, fc.integer({ min: 0, max: 10 }), money, (input, n, amount) => {
        expect(atLeastAsGood(scoreApplication(change(input, n, amount)), scoreApplication(input))).toBe(true);
      }),
      { numRuns: 300 },
    );

  it("more revenue never lowers the score or the grade", () => check((i, _, amount) => ({ ...i, monthlyRevenue: i.monthlyRevenue + amount })));
  it("lower expenses never lower the score", () => check((i, _, amount) => ({ ...i, monthlyExpenses: i.monthlyExpenses - (amount > i.monthlyExpenses ? i.monthlyExpenses : amount) })));
  it("fewer defaults never lower the score (more defaults never raise it)", () =>
    check((i, n) => ({ ...i, repaymentHistory: { ...i.repaymentHistory, defaults: Math.max(0, i.repaymentHistory.defaults - n) } })));
  it("fewer late payments never lower the score", () =>
    check((i, n) => ({ ...i, repaymentHistory: { ...i.repaymentHistory, latePayments: Math.max(0, i.repaymentHistory.latePayments - n) } })));
  it("more loans repaid never lower the score", () => check((i, n) => ({ ...i, repaymentHistory: { ...i.repaymentHistory, loansRepaid: i.repaymentHistory.loansRepaid + n } })));
  it("a smaller installment never lowers the score", () => check((i, n) => ({ ...i, estimatedInstallment: i.estimatedInstallment / BigInt(n + 1) || 1n })));

  it("every approved score maps to one of the 25 subgrades", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = scoreApplication(input);
        if (r.decision === "approved") expect(SUBGRADES).toContain(r.grade);
        else expect(r.reasons.length).toBeGreaterThan(0);
      }),
    );
  });
});
