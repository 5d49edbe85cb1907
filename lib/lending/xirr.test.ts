import { describe, expect, it } from "vitest";
import { xirr } from "./xirr";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("xirr", () => {
  it("is 10 % for 1.000.000 out and 1.100.000 back exactly 365 days later", () => {
    expect(xirr([{ at: d("2025-01-01"), amount: -1_000_000n }, { at: d("2026-01-01"), amount: 1_100_000n }])).toBeCloseTo(0.1, 9);
  });

  it("is −50 % when half is lost over a year", () => {
    expect(xirr([{ at: d("2025-01-01"), amount: -1_000_000n }, { at: d("2026-01-01"), amount: 500_000n }])).toBeCloseTo(-0.5, 9);
  });

  it("compounds: 1.21 × after two years is 10 % a year", () => {
    expect(xirr([{ at: d("2024-01-01"), amount: -1_000_000n }, { at: d("2025-12-31"), amount: 1_210_000n }])).toBeCloseTo(0.1, 9);
  });

  it("solves several flows: out 1.000.000, back 550.000 after half a year and 550.000 after a year", () => {
    // Hand check: with v = (1 + r)^-0.5, 550 000 v + 550 000 v² = 1 000 000 → v = 0.9226…, r = 17.48 %.
    const v = (-550_000 + Math.sqrt(550_000 ** 2 + 4 * 550_000 * 1_000_000)) / (2 * 550_000);
    const expected = 1 / (v * v) - 1;
    const r = xirr([
      { at: d("2025-01-01"), amount: -1_000_000n },
      { at: new Date(d("2025-01-01").getTime() + 182.5 * 86_400_000), amount: 550_000n },
      { at: d("2026-01-01"), amount: 550_000n },
    ]);
    expect(r).toBeCloseTo(expected, 8);
  });

  it("finds a huge short-term rate through the bisection fallback", () => {
    // Doubling in 30 days: (2)^(365/30) − 1.
    const r = xirr([{ at: d("2025-01-01"), amount: -1_000_000n }, { at: d("2025-01-31"), amount: 2_000_000n }], 50);
    expect(r).toBeCloseTo(Math.pow(2, 365 / 30) - 1, 3);
  });

  it("is the true rate, about −100 %, for a near-total loss over a short horizon (not null)", () => {
    // Rp24.000.000 out on 1 January, Rp1.196.000 back on 1 February (31 days): (1 + r)^(31/365) = 1 196 000 / 24 000 000,
    // so r = (0.049833…)^(365/31) − 1 = 4.61687011022564…e−16 − 1 = −0.99999999999999953831… (50-digit decimal
    // arithmetic), which as a double is −0.9999999999999996 (the ulp there is 1.1e−16).
    const expected = -0.99999999999999953831298897743599;
    const r = xirr([{ at: d("2026-01-01"), amount: -24_000_000n }, { at: d("2026-02-01"), amount: 1_196_000n }]);
    expect(r).not.toBeNull();
    expect(Math.abs(r! - expected)).toBeLessThanOrEqual(3e-16);
    expect(r!).toBeGreaterThan(-1);
    // The same loss over a year is −95.0166… %, and over one day even closer to −100 %: all defined.
    expect(xirr([{ at: d("2026-01-01"), amount: -24_000_000n }, { at: d("2027-01-01"), amount: 1_196_000n }])).toBeCloseTo(1_196_000 / 24_000_000 - 1, 9);
    const oneDay = xirr([{ at: d("2026-01-01"), amount: -24_000_000n }, { at: d("2026-01-02"), amount: 23_000_000n }]);
    expect(oneDay).toBeCloseTo(Math.pow(23 / 24, 365) - 1, 9);
  });

  it("rounds to exactly −100 % when 1 + r is below what a double holds, still not null", () => {
    // Rp1.000 back a day after Rp24.000.000: 1 + r = (1/24 000)^365 ≈ 10^−1597.
    expect(xirr([{ at: d("2026-01-01"), amount: -24_000_000n }, { at: d("2026-01-02"), amount: 1_000n }])).toBe(-1);
  });

  it("is null without both money out and money in", () => {
    expect(xirr([])).toBeNull();
    expect(xirr([{ at: d("2025-01-01"), amount: -1_000_000n }])).toBeNull();
    expect(xirr([{ at: d("2025-01-01"), amount: 1n }, { at: d("2025-02-01"), amount: 2n }])).toBeNull();
  });
});
