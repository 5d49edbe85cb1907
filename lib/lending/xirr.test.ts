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

  it("is null without both money out and money in", () => {
    expect(xirr([])).toBeNull();
    expect(xirr([{ at: d("2025-01-01"), amount: -1_000_000n }])).toBeNull();
    expect(xirr([{ at: d("2025-01-01"), amount: 1n }, { at: d("2025-02-01"), amount: 2n }])).toBeNull();
  });
});
