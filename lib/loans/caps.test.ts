import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BUSINESS_CAPS_2026, capInForce, checkOffer, maxLateFee, proposeLateFee, tenorBucket, totalCostLimit, type RegulatoryCap } from "./caps";
import { buildSchedule, tenorDays, totalCost, type Installment, type RepaymentMethod } from "./schedule";

const cap = BUSINESS_CAPS_2026[0]!;
const d = (y: number, m: number, day: number) => new Date(y, m - 1, day);
const withInterest = (interest: bigint, principal = 100_000_000n): { installments: Installment[] } => ({
  installments: [{ number: 1, dueDate: d(2026, 2, 1), principal, interest, total: principal + interest }],
});
const offer = (over: Partial<Parameters<typeof checkOffer>[0]> = {}) =>
  checkOffer({
    cap,
    principal: 100_000_000n,
    schedule: withInterest(2_000_000n),
    platformFee: 0n,
    tenorDays: 30,
    borrowerOutstanding: 0n,
    ...over,
  });

describe("tenorBucket", () => {
  it("is short up to 12 months and for any days tenor", () => {
    expect(tenorBucket({ unit: "months", count: 12 })).toBe("short");
    expect(tenorBucket({ unit: "months", count: 13 })).toBe("long");
    expect(tenorBucket({ unit: "days", count: 180 })).toBe("short");
  });
});

describe("capInForce", () => {
  const older: RegulatoryCap = { ...cap, effectiveFrom: d(2024, 1, 1), maxDailyCostPpm: 1_000n };
  const caps = [...BUSINESS_CAPS_2026, older];

  it("picks the latest row effective on or before the date", () => {
    expect(capInForce(caps, "business", "short", d(2023, 12, 31))).toBeNull();
    expect(capInForce(caps, "business", "short", d(2025, 12, 31))?.maxDailyCostPpm).toBe(1_000n);
    expect(capInForce(caps, "business", "short", d(2026, 1, 1))?.maxDailyCostPpm).toBe(670n);
    expect(capInForce(caps, "business", "long", d(2025, 6, 1))).toBeNull();
    expect(capInForce(caps, "business", "long", d(2027, 6, 1))?.tenorBucket).toBe("long");
  });

  it("refuses two rows taking effect on the same day", () => {
    expect(() => capInForce([...caps, { ...cap }], "business", "short", d(2026, 6, 1))).toThrow(RangeError);
  });
});

describe("checkOffer", () => {
  // 0.067 %/day of Rp100.000.000 over 30 days = Rp2.010.000 of interest and fees at most.
  it("accepts a daily cost exactly on the cap and rejects one rupiah more", () => {
    expect(offer({ platformFee: 10_000n })).toEqual([]);
    expect(offer({ platformFee: 10_001n })).toEqual([
      { code: "daily_cost_exceeded", limitPpm: 670n, actualPpm: 671n, cost: 2_010_001n, tenorDays: 30 },
    ]);
  });

  it("accepts total cost of exactly 100 % of principal and rejects one rupiah more", () => {
    // Over 1 500 days the daily cap allows Rp10.050.000 on Rp10.000.000, so only the 100 % cap binds.
    const base = { principal: 10_000_000n, tenorDays: 1_500 };
    expect(offer({ ...base, schedule: withInterest(9_000_000n, 10_000_000n), platformFee: 1_000_000n })).toEqual([]);
    expect(offer({ ...base, schedule: withInterest(9_000_000n, 10_000_000n), platformFee: 1_000_001n })).toEqual([
      { code: "total_cost_exceeded", limitPct: 100n, limit: 10_000_000n, actual: 10_000_001n },
    ]);
  });

  it("accepts outstanding of exactly Rp2.000.000.000 after the loan and rejects one rupiah more", () => {
    expect(offer({ borrowerOutstanding: 1_900_000_000n })).toEqual([]);
    expect(offer({ borrowerOutstanding: 1_900_000_001n })).toEqual([
      { code: "outstanding_exceeded", limit: 2_000_000_000n, actual: 2_000_000_001n },
    ]);
  });

  it("reports every broken cap", () => {
    const codes = offer({ schedule: withInterest(200_000_000n), borrowerOutstanding: 2_000_000_000n }).map((v) => v.code);
    expect(codes).toEqual(["daily_cost_exceeded", "total_cost_exceeded", "outstanding_exceeded"]);
  });

  it("checks a real flat schedule: 12 months at 24 % fits 0.067 %/day, at 25 % breaches it", () => {
    const at = (annualRateBps: bigint) => {
      const s = buildSchedule({ principal: 100_000_000n, annualRateBps, tenor: { unit: "months", count: 12 }, method: "flat", startDate: d(2026, 1, 1) });
      return offer({ schedule: s, tenorDays: tenorDays(s) }).map((v) => v.code);
    };
    // 0.067 %/day × 365 days ≈ 24.455 % a year of all-in cost.
    expect(at(2_400n)).toEqual([]);
    expect(at(2_500n)).toEqual(["daily_cost_exceeded"]);
  });

  it("refuses nonsense inputs", () => {
    expect(() => offer({ principal: 0n })).toThrow(RangeError);
    expect(() => offer({ tenorDays: 0 })).toThrow(RangeError);
    expect(() => offer({ platformFee: -1n })).toThrow(RangeError);
  });
});

describe("maxLateFee", () => {
  const base = { cap, principal: 10_000_000n, outstanding: 10_000_000n, daysLate: 1, scheduledInterest: 1_000_000n, fees: 0n, lateFeesCharged: 0n };

  it("charges up to 0.067 % of the outstanding per day", () => {
    expect(maxLateFee(base)).toEqual({ fee: 6_700n, clampedBy: "none" });
    expect(maxLateFee({ ...base, daysLate: 10 })).toEqual({ fee: 67_000n, clampedBy: "none" });
    expect(maxLateFee({ ...base, proposed: 6_700n })).toEqual({ fee: 6_700n, clampedBy: "none" });
    expect(maxLateFee({ ...base, proposed: 6_701n })).toEqual({ fee: 6_700n, clampedBy: "daily_cap" });
    expect(maxLateFee({ ...base, proposed: 5_000n })).toEqual({ fee: 5_000n, clampedBy: "none" });
  });

  it("floors the daily cap on odd outstanding amounts", () => {
    // 1 234 567 × 0.067 % = 827.15…
    expect(maxLateFee({ ...base, outstanding: 1_234_567n }).fee).toBe(827n);
  });

  it("never lets interest + fees + late fees pass 100 % of principal", () => {
    const nearlyFull = { ...base, scheduledInterest: 9_990_000n, fees: 5_000n };
    expect(maxLateFee(nearlyFull)).toEqual({ fee: 5_000n, clampedBy: "total_cost_cap" });
    expect(maxLateFee({ ...nearlyFull, lateFeesCharged: 4_999n })).toEqual({ fee: 1n, clampedBy: "total_cost_cap" });
    expect(maxLateFee({ ...nearlyFull, lateFeesCharged: 5_000n })).toEqual({ fee: 0n, clampedBy: "total_cost_cap" });
    expect(maxLateFee({ ...nearlyFull, lateFeesCharged: 9_000n })).toEqual({ fee: 0n, clampedBy: "total_cost_cap" });
  });

  it("charges nothing for zero days", () => {
    expect(maxLateFee({ ...base, daysLate: 0 }).fee).toBe(0n);
  });
});

describe("cap properties", () => {
  const scheduleInput = fc.oneof(
    fc.record({
      principal: fc.bigInt({ min: 1_000_000n, max: 2_000_000_000n }),
      annualRateBps: fc.bigInt({ min: 0n, max: 4_000n }),
      tenor: fc.integer({ min: 1, max: 36 }).map((count) => ({ unit: "months" as const, count })),
      method: fc.constantFrom<RepaymentMethod>("annuity", "flat", "bullet"),
      startDate: fc.date({ min: d(2026, 1, 1), max: d(2030, 1, 1), noInvalidDate: true }),
    }),
    fc.record({
      principal: fc.bigInt({ min: 1_000_000n, max: 2_000_000_000n }),
      annualRateBps: fc.bigInt({ min: 0n, max: 4_000n }),
      tenor: fc.integer({ min: 7, max: 180 }).map((count) => ({ unit: "days" as const, count })),
      method: fc.constant<RepaymentMethod>("bullet"),
      startDate: fc.date({ min: d(2026, 1, 1), max: d(2030, 1, 1), noInvalidDate: true }),
    }),
  );

  it("any offer checkOffer accepts costs at most the daily cap × days and 100 % of principal", () => {
    fc.assert(
      fc.property(scheduleInput, fc.bigInt({ min: 0n, max: 50_000_000n }), fc.bigInt({ min: 0n, max: 2_000_000_000n }), (input, fee, outstanding) => {
        const schedule = buildSchedule(input);
        const days = tenorDays(schedule);
        const violations = checkOffer({ cap, principal: input.principal, schedule, platformFee: fee, tenorDays: days, borrowerOutstanding: outstanding });
        const cost = totalCost(schedule) + fee;
        // Independent form: the largest whole-rupiah cost allowed, computed by division rather than cross-multiplication.
        const dailyLimit = (input.principal * cap.maxDailyCostPpm * BigInt(days)) / 1_000_000n;
        const ok = cost <= dailyLimit && cost <= totalCostLimit(cap, input.principal) && outstanding + input.principal <= cap.maxOutstandingPerBorrower;
        expect(violations.length === 0).toBe(ok);
      }),
      { numRuns: 500 },
    );
  });

  it("late fees charged day after day never break the daily cap or the 100 % cap", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1_000_000n, max: 2_000_000_000n }),
        fc.bigInt({ min: 0n, max: 100n }),
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 90 }), proposed: fc.option(fc.bigInt({ min: 0n, max: 100_000_000n })) }), { maxLength: 40 }),
        (principal, interestPct, accruals) => {
          const scheduledInterest = (principal * interestPct) / 100n;
          let charged = 0n;
          for (const { days, proposed } of accruals) {
            const request = { cap, principal, outstanding: principal, daysLate: days, scheduledInterest, fees: 0n, lateFeesCharged: charged, proposed: proposed ?? undefined };
            const { fee } = maxLateFee(request);
            expect(fee >= 0n && fee * 1_000_000n <= principal * cap.maxLateFeeDailyPpm * BigInt(days)).toBe(true);
            charged += fee;
            expect(scheduledInterest + charged <= principal).toBe(true);
          }
        },
      ),
    );
  });
});

describe("proposeLateFee (the servicing run's daily late fee)", () => {
  // A product charging 0.05 %/day (500 ppm) under the 0.067 %/day cap, and one charging 0.1 %/day above it.
  const day = { cap, principal: 10_000_000n, overdue: 2_000_000n, lateFeeDailyPpm: 500n, scheduledInterest: 1_000_000n, fees: 0n, lateFeesCharged: 0n };

  it("charges the product's rate on the overdue amount, floored", () => {
    expect(proposeLateFee(day)).toEqual({ fee: 1_000n, clampedBy: "none", proposed: 1_000n });
    // 1 234 567 × 0.05 % = 617.28…
    expect(proposeLateFee({ ...day, overdue: 1_234_567n })).toEqual({ fee: 617n, clampedBy: "none", proposed: 617n });
  });

  it("cuts a product rate above the cap to the daily cap for one day", () => {
    expect(proposeLateFee({ ...day, lateFeeDailyPpm: 1_000n })).toEqual({ fee: 1_340n, clampedBy: "daily_cap", proposed: 2_000n });
  });

  it("cuts to what the total-cost cap leaves, then charges nothing", () => {
    expect(proposeLateFee({ ...day, scheduledInterest: 9_999_400n })).toEqual({ fee: 600n, clampedBy: "total_cost_cap", proposed: 1_000n });
    expect(proposeLateFee({ ...day, scheduledInterest: 9_999_400n, lateFeesCharged: 600n })).toEqual({ fee: 0n, clampedBy: "total_cost_cap", proposed: 1_000n });
  });

  it("charges nothing when nothing is overdue, and refuses negative inputs", () => {
    expect(proposeLateFee({ ...day, overdue: 0n })).toEqual({ fee: 0n, clampedBy: "none", proposed: 0n });
    expect(() => proposeLateFee({ ...day, overdue: -1n })).toThrow(RangeError);
    expect(() => proposeLateFee({ ...day, lateFeeDailyPpm: -1n })).toThrow(RangeError);
  });

  const loanFacts = fc.record({
    principal: fc.bigInt({ min: 1_000_000n, max: 2_000_000_000n }),
    interestPct: fc.bigInt({ min: 0n, max: 100n }),
    feesPct: fc.bigInt({ min: 0n, max: 10n }),
    lateFeeDailyPpm: fc.bigInt({ min: 0n, max: 5_000n }),
    // Overdue amounts day after day (arrears grow and shrink as installments fall due and are paid).
    overdueByDay: fc.array(fc.bigInt({ min: 0n, max: 3_000_000_000n }), { minLength: 1, maxLength: 120 }),
  });

  it("property: each day's fee is at most the product's fee and the daily cap, never negative", () => {
    fc.assert(
      fc.property(loanFacts, ({ principal, interestPct, feesPct, lateFeeDailyPpm, overdueByDay }) => {
        const scheduledInterest = (principal * interestPct) / 100n;
        const fees = (principal * feesPct) / 100n;
        let charged = 0n;
        for (const overdue of overdueByDay) {
          const r = proposeLateFee({ cap, principal, overdue, lateFeeDailyPpm, scheduledInterest, fees, lateFeesCharged: charged });
          expect(r.fee).toBeGreaterThanOrEqual(0n);
          expect(r.fee).toBeLessThanOrEqual(r.proposed);
          expect(r.proposed).toBe((overdue * lateFeeDailyPpm) / 1_000_000n);
          expect(r.fee * 1_000_000n).toBeLessThanOrEqual(overdue * cap.maxLateFeeDailyPpm);
          expect(r.clampedBy === "none").toBe(r.fee === r.proposed);
          charged += r.fee;
        }
      }),
    );
  });

  it("property: day after day, interest + fees + late fees never pass the total-cost cap (unless the contract alone already did, then no late fee at all)", () => {
    fc.assert(
      fc.property(loanFacts, ({ principal, interestPct, feesPct, lateFeeDailyPpm, overdueByDay }) => {
        const scheduledInterest = (principal * interestPct) / 100n;
        const fees = (principal * feesPct) / 100n;
        const limit = totalCostLimit(cap, principal);
        let charged = 0n;
        for (const overdue of overdueByDay) {
          charged += proposeLateFee({ cap, principal, overdue, lateFeeDailyPpm, scheduledInterest, fees, lateFeesCharged: charged }).fee;
        }
        if (scheduledInterest + fees >= limit) expect(charged).toBe(0n);
        else expect(scheduledInterest + fees + charged).toBeLessThanOrEqual(limit);
      }),
    );
  });
});
