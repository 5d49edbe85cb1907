import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  annuityPayment,
  buildSchedule,
  interestForDays,
  paidThrough,
  payoffAmount,
  tenorDays,
  totalCost,
  totalRepayable,
  type RepaymentMethod,
  type ScheduleInput,
} from "./schedule";

const d = (y: number, m: number, day: number) => new Date(y, m - 1, day);
const ymd = (date: Date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

const worked: ScheduleInput = {
  principal: 100_000_000n,
  annualRateBps: 1_800n,
  tenor: { unit: "months", count: 12 },
  method: "annuity",
  startDate: d(2026, 1, 15),
};

describe("annuity", () => {
  it("matches the worked example: Rp100.000.000, 18 %, 12 months → Rp9.167.999 × 11", () => {
    expect(annuityPayment(100_000_000n, 1_800n, 12)).toBe(9_167_999n);
    const s = buildSchedule(worked);
    expect(s.installments).toHaveLength(12);
    for (const i of s.installments.slice(0, 11)) expect(i.total).toBe(9_167_999n);
    // Figures computed independently with exact fractions (Python), flooring interest each month.
    expect(s.installments[0]).toMatchObject({ principal: 7_667_999n, interest: 1_500_000n });
    expect(s.installments[1]).toMatchObject({ principal: 7_783_019n, interest: 1_384_980n });
    expect(s.installments[11]).toMatchObject({ principal: 9_032_511n, interest: 135_487n, total: 9_167_998n });
    expect(totalCost(s)).toBe(10_015_987n);
    expect(totalRepayable(s)).toBe(110_015_987n);
  });

  it("splits evenly at a zero rate, the last installment taking the remainder", () => {
    const s = buildSchedule({ ...worked, principal: 1_000_000n, annualRateBps: 0n, tenor: { unit: "months", count: 3 } });
    expect(s.installments.map((i) => i.total)).toEqual([333_333n, 333_333n, 333_334n]);
    expect(totalCost(s)).toBe(0n);
  });

  it("a one-month annuity is principal plus one month of interest", () => {
    const s = buildSchedule({ ...worked, tenor: { unit: "months", count: 1 } });
    expect(s.installments).toEqual([expect.objectContaining({ principal: 100_000_000n, interest: 1_500_000n })]);
  });
});

describe("flat", () => {
  it("charges interest on the original principal each month with equal principal parts", () => {
    const s = buildSchedule({ ...worked, method: "flat" });
    for (const i of s.installments) expect(i.interest).toBe(1_500_000n);
    expect(s.installments.slice(0, 11).every((i) => i.principal === 8_333_333n)).toBe(true);
    expect(s.installments[11]!.principal).toBe(8_333_337n);
    expect(totalCost(s)).toBe(18_000_000n);
  });

  it("floors a fractional monthly interest", () => {
    // 1 234 567 × 1 750 / 120 000 = 18 004.1…
    const s = buildSchedule({ ...worked, principal: 1_234_567n, annualRateBps: 1_750n, method: "flat" });
    expect(s.installments[0]!.interest).toBe(18_004n);
  });
});

describe("bullet", () => {
  it("monthly: interest every month, principal at maturity", () => {
    const s = buildSchedule({ ...worked, method: "bullet", tenor: { unit: "months", count: 3 } });
    expect(s.installments.map((i) => [i.principal, i.interest])).toEqual([
      [0n, 1_500_000n],
      [0n, 1_500_000n],
      [100_000_000n, 1_500_000n],
    ]);
  });

  it("days tenor: one payment at maturity with Actual/365 interest, floored", () => {
    const s = buildSchedule({
      principal: 50_000_000n,
      annualRateBps: 1_200n,
      tenor: { unit: "days", count: 90 },
      method: "bullet",
      startDate: d(2026, 1, 30),
    });
    // 50 000 000 × 12 % × 90 / 365 = 1 479 452.05…
    expect(s.installments).toHaveLength(1);
    expect(s.installments[0]).toMatchObject({ number: 1, principal: 50_000_000n, interest: 1_479_452n, total: 51_479_452n });
    expect(ymd(s.installments[0]!.dueDate)).toBe("2026-4-30");
    expect(tenorDays(s)).toBe(90);
    expect(interestForDays(50_000_000n, 1_200n, 90)).toBe(1_479_452n);
  });

  it("refuses a days tenor with annuity or flat", () => {
    for (const method of ["annuity", "flat"] as const) {
      expect(() => buildSchedule({ ...worked, method, tenor: { unit: "days", count: 30 } })).toThrow(RangeError);
    }
  });
});

describe("due dates", () => {
  it("keep the start's day of month, clamped to short months, without drifting", () => {
    const s = buildSchedule({ ...worked, startDate: d(2026, 1, 31), tenor: { unit: "months", count: 4 } });
    expect(s.installments.map((i) => ymd(i.dueDate))).toEqual(["2026-2-28", "2026-3-31", "2026-4-30", "2026-5-31"]);
  });

  it("use the leap day in a leap year", () => {
    const s = buildSchedule({ ...worked, startDate: d(2028, 1, 31), tenor: { unit: "months", count: 1 } });
    expect(ymd(s.installments[0]!.dueDate)).toBe("2028-2-29");
  });
});

describe("validation", () => {
  it("refuses non-positive principal, negative rate and bad tenors", () => {
    expect(() => buildSchedule({ ...worked, principal: 0n })).toThrow(RangeError);
    expect(() => buildSchedule({ ...worked, annualRateBps: -1n })).toThrow(RangeError);
    expect(() => buildSchedule({ ...worked, tenor: { unit: "months", count: 0 } })).toThrow(RangeError);
    expect(() => buildSchedule({ ...worked, tenor: { unit: "months", count: 1.5 } })).toThrow(RangeError);
  });
});

describe("payoffAmount", () => {
  const s = buildSchedule(worked); // due dates: the 15th of each month from 2026-02-15

  it("on the disbursement day is the principal alone", () => {
    expect(payoffAmount(s, [], worked.startDate)).toEqual({ principal: 100_000_000n, interest: 0n, total: 100_000_000n });
  });

  it("accrues the current period pro rata by days, floored", () => {
    // Period 1 runs 2026-01-15 → 2026-02-15 (31 days); 10 days elapsed: 1 500 000 × 10 / 31 = 483 870.9…
    expect(payoffAmount(s, [], d(2026, 1, 25))).toEqual({ principal: 100_000_000n, interest: 483_870n, total: 100_483_870n });
  });

  it("after three installments paid, charges only the fourth period's accrued interest", () => {
    const paid = paidThrough(s, 3);
    const outstanding = 100_000_000n - 7_667_999n - 7_783_019n - 7_899_765n;
    // Period 4: 2026-04-15 → 2026-05-15 (30 days), 15 elapsed: 1 149 738 × 15 / 30 = 574 869.
    expect(payoffAmount(s, paid, d(2026, 4, 30))).toEqual({ principal: outstanding, interest: 574_869n, total: outstanding + 574_869n });
  });

  it("charges the full interest of installments already due but unpaid", () => {
    // Nothing paid, payoff on 2026-03-01: installment 1 is overdue (full interest), period 2 has 14 of 28 days.
    const payoff = payoffAmount(s, [], d(2026, 3, 1));
    expect(payoff.interest).toBe(1_500_000n + 1_384_980n / 2n);
  });

  it("on a due date the whole period's interest is due", () => {
    expect(payoffAmount(s, [], d(2026, 2, 15)).interest).toBe(1_500_000n);
  });

  it("after maturity, equals everything unpaid", () => {
    expect(payoffAmount(s, paidThrough(s, 5), d(2027, 6, 1)).total).toBe(
      totalRepayable(s) - s.installments.slice(0, 5).reduce((a, i) => a + i.total, 0n),
    );
  });

  it("credits interest prepaid towards the current period without refunding it", () => {
    const paid = [{ number: 1, principalPaid: 0n, interestPaid: 1_000_000n }];
    expect(payoffAmount(s, paid, d(2026, 1, 25)).interest).toBe(0n);
  });

  it("refuses a payoff before disbursement and inconsistent paid states", () => {
    expect(() => payoffAmount(s, [], d(2026, 1, 14))).toThrow(RangeError);
    expect(() => payoffAmount(s, [{ number: 13, principalPaid: 0n, interestPaid: 0n }], d(2026, 2, 1))).toThrow(RangeError);
    expect(() => payoffAmount(s, [{ number: 1, principalPaid: 9_000_000n, interestPaid: 0n }], d(2026, 2, 1))).toThrow(RangeError);
  });
});

const monthlyInput = fc.record({
  principal: fc.bigInt({ min: 1_000_000n, max: 2_000_000_000n }),
  annualRateBps: fc.bigInt({ min: 0n, max: 4_000n }),
  tenor: fc.integer({ min: 1, max: 36 }).map((count) => ({ unit: "months" as const, count })),
  method: fc.constantFrom<RepaymentMethod>("annuity", "flat", "bullet"),
  startDate: fc.date({ min: d(2020, 1, 1), max: d(2035, 12, 31), noInvalidDate: true }),
});
const daysInput = fc.record({
  principal: fc.bigInt({ min: 1_000_000n, max: 2_000_000_000n }),
  annualRateBps: fc.bigInt({ min: 0n, max: 4_000n }),
  tenor: fc.integer({ min: 7, max: 180 }).map((count) => ({ unit: "days" as const, count })),
  method: fc.constant<RepaymentMethod>("bullet"),
  startDate: fc.date({ min: d(2020, 1, 1), max: d(2035, 12, 31), noInvalidDate: true }),
});

describe("schedule properties", () => {
  it.each([
    ["monthly", monthlyInput],
    ["days", daysInput],
  ] as const)("%s: principal parts sum exactly, parts ≥ 0, dates increase, total = principal + interest", (_, arb) => {
    fc.assert(
      fc.property(arb, (input) => {
        const s = buildSchedule(input);
        expect(s.installments).toHaveLength(input.tenor.unit === "days" ? 1 : input.tenor.count);
        expect(s.installments.reduce((a, i) => a + i.principal, 0n)).toBe(input.principal);
        let previous = input.startDate.getTime();
        s.installments.forEach((i, index) => {
          expect(i.number).toBe(index + 1);
          expect(i.principal >= 0n && i.interest >= 0n).toBe(true);
          expect(i.total).toBe(i.principal + i.interest);
          expect(i.dueDate.getTime()).toBeGreaterThan(previous);
          previous = i.dueDate.getTime();
        });
      }),
      { numRuns: 300 },
    );
  });

  it("annuity installments are level except the last, which is within a few rupiah per period", () => {
    fc.assert(
      fc.property(monthlyInput, (input) => {
        const s = buildSchedule({ ...input, method: "annuity" });
        const payment = annuityPayment(input.principal, input.annualRateBps, input.tenor.count);
        for (const i of s.installments.slice(0, -1)) expect(i.total).toBe(payment);
        const drift = s.installments.at(-1)!.total - payment;
        expect(drift <= 2n * BigInt(input.tenor.count) && drift >= -2n * BigInt(input.tenor.count)).toBe(true);
      }),
    );
  });

  it("payoff never exceeds what is left on the schedule and never falls below the unpaid principal", () => {
    fc.assert(
      fc.property(monthlyInput, fc.nat({ max: 36 }), fc.nat({ max: 1_200 }), (input, paidCount, offsetDays) => {
        const s = buildSchedule(input);
        const k = Math.min(paidCount, s.installments.length);
        const payoffDate = new Date(input.startDate.getTime() + offsetDays * 86_400_000);
        const payoff = payoffAmount(s, paidThrough(s, k), payoffDate);
        const remaining = s.installments.slice(k);
        expect(payoff.principal).toBe(remaining.reduce((a, i) => a + i.principal, 0n));
        expect(payoff.interest >= 0n).toBe(true);
        expect(payoff.total <= remaining.reduce((a, i) => a + i.total, 0n)).toBe(true);
      }),
    );
  });
});
