import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applySpread, changeBps, usdCentsPerOunceToRupiahPerGram, usdStringToCents } from "./pricing";
import { computeTrade, TradeAmountInvalid, UNITS_PER_GRAM } from "./trade-math";
import { isQuoteValid } from "./quotes";
import { applyCostBasis } from "./cost-basis";
import { demoMidAt, demoOffsetBps, WALK_MAX_BPS } from "./demo-walk";
import { parseGoldHistoryCsv } from "./internal/defaults";
import { goldTradesToCsv } from "./trades";

const price = fc.bigInt({ min: 500_000n, max: 5_000_000n });

describe("spread", () => {
  it("puts buy above and sell below mid by half the spread each, rounded in Lumbung's favour", () => {
    expect(applySpread(2_000_000n, 300)).toEqual({ midPerGram: 2_000_000n, buyPerGram: 2_030_000n, sellPerGram: 1_970_000n });
    expect(applySpread(2_000_001n, 300)).toEqual({ midPerGram: 2_000_001n, buyPerGram: 2_030_002n, sellPerGram: 1_970_000n });
    expect(applySpread(1_000n, 0)).toEqual({ midPerGram: 1_000n, buyPerGram: 1_000n, sellPerGram: 1_000n });
  });

  it("never charges less than the spread (property)", () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 0, max: 2_000 }), (mid, bps) => {
        const p = applySpread(mid, bps);
        const exactHalf = (mid * BigInt(bps)) / 20_000n;
        expect(p.buyPerGram - mid).toBeGreaterThanOrEqual(exactHalf);
        expect(p.buyPerGram - mid).toBeLessThanOrEqual(exactHalf + 1n);
        expect(mid - p.sellPerGram).toBeGreaterThanOrEqual(exactHalf);
        expect(mid - p.sellPerGram).toBeLessThanOrEqual(exactHalf + 1n);
        expect((p.buyPerGram - p.sellPerGram) * 10_000n).toBeGreaterThanOrEqual(mid * BigInt(bps));
      }),
    );
  });

  it("converts World Bank USD per troy ounce to rupiah per gram", () => {
    expect(usdStringToCents("4228.000")).toBe(422_800n);
    expect(usdStringToCents("374.245")).toBe(37_425n);
    // 4228 × 16 500 / 31.1034768 = 2 242 900.38…
    expect(usdCentsPerOunceToRupiahPerGram(422_800n, 16_500n)).toBe(2_242_900n);
    expect(changeBps(2_100_000n, 2_000_000n)).toBe(500);
    expect(changeBps(1_900_000n, 2_000_000n)).toBe(-500);
    expect(changeBps(1n, null)).toBeNull();
  });
});

describe("trade rounding", () => {
  it("buys by rupiah: the user pays exactly, grams rounded down by less than one unit", () => {
    const t = computeTrade("buy", "rupiah", 50_000n, 2_030_000n);
    expect(t.rupiah).toBe(50_000n);
    expect(t.units).toBe(246n); // 0.0246 g: 50 000 × 10 000 / 2 030 000 = 246.3
    expect(t).toMatchObject({ roundedField: "units", rounded: true });
  });

  it("sells by grams: rupiah rounded down; by rupiah: grams rounded up", () => {
    // 123 units × 1 970 001 / 10 000 = 24 231.0123 → Rp24.231
    expect(computeTrade("sell", "grams", 123n, 1_970_001n)).toMatchObject({ units: 123n, rupiah: 24_231n, roundedField: "rupiah", rounded: true });
    // Rp24.231 × 10 000 / 1 970 001 = 122.99994 → 123 units given up
    expect(computeTrade("sell", "rupiah", 24_231n, 1_970_001n)).toMatchObject({ rupiah: 24_231n, units: 123n, roundedField: "units", rounded: true });
    expect(computeTrade("sell", "grams", 123n, 1_970_000n)).toMatchObject({ rupiah: 24_231n, rounded: false });
    expect(computeTrade("buy", "grams", 10_000n, 2_030_000n)).toMatchObject({ units: 10_000n, rupiah: 2_030_000n, rounded: false });
  });

  it("refuses buys under Rp10.000 and empty trades", () => {
    expect(() => computeTrade("buy", "rupiah", 9_999n, 2_000_000n)).toThrow(TradeAmountInvalid);
    expect(() => computeTrade("buy", "grams", 49n, 2_000_000n)).toThrow(TradeAmountInvalid); // Rp9.800
    expect(() => computeTrade("sell", "rupiah", 0n, 2_000_000n)).toThrow(TradeAmountInvalid);
    expect(computeTrade("buy", "grams", 50n, 2_000_000n).rupiah).toBe(10_000n);
  });

  it("rounds by less than one unit, always in Lumbung's favour (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10_000n, max: 500_000_000n }), price, (r, p) => {
        const b = computeTrade("buy", "rupiah", r, p);
        // gold given ≤ money paid, and one more unit would be worth more than paid
        expect(b.units * p).toBeLessThanOrEqual(r * UNITS_PER_GRAM);
        expect((b.units + 1n) * p).toBeGreaterThan(r * UNITS_PER_GRAM);
        const s = computeTrade("sell", "rupiah", r, p);
        expect(s.units * p).toBeGreaterThanOrEqual(r * UNITS_PER_GRAM);
        expect((s.units - 1n) * p).toBeLessThan(r * UNITS_PER_GRAM);
        expect(b.remainderNumerator).toBeLessThan(b.remainderDenominator);
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2_000_000n }), price, (u, p) => {
        const s = computeTrade("sell", "grams", u, p);
        expect(s.rupiah * UNITS_PER_GRAM).toBeLessThanOrEqual(u * p);
        expect((s.rupiah + 1n) * UNITS_PER_GRAM).toBeGreaterThan(u * p);
        if (u * p >= 10_000n * UNITS_PER_GRAM) {
          const b = computeTrade("buy", "grams", u, p);
          expect(b.rupiah * UNITS_PER_GRAM).toBeGreaterThanOrEqual(u * p);
          expect((b.rupiah - 1n) * UNITS_PER_GRAM).toBeLessThan(u * p);
        }
      }),
    );
  });

  it("a round trip at one price never makes the user money (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10_000n, max: 100_000_000n }), price, fc.integer({ min: 0, max: 1_000 }), (r, mid, bps) => {
        const p = applySpread(mid, bps);
        const b = computeTrade("buy", "rupiah", r, p.buyPerGram);
        const back = (b.units * p.sellPerGram) / UNITS_PER_GRAM;
        expect(back).toBeLessThanOrEqual(r);
      }),
    );
  });
});

describe("quotes", () => {
  it("are valid until (not at) their expiry and only once", () => {
    const expiresAt = new Date("2026-11-20T03:00:30Z");
    expect(isQuoteValid({ expiresAt, usedAt: null }, new Date("2026-11-20T03:00:29.999Z"))).toBe(true);
    expect(isQuoteValid({ expiresAt, usedAt: null }, expiresAt)).toBe(false);
    expect(isQuoteValid({ expiresAt, usedAt: new Date("2026-11-20T03:00:01Z") }, new Date("2026-11-20T03:00:02Z"))).toBe(false);
  });
});

describe("average cost", () => {
  it("keeps the average price on sales and resets when everything is sold", () => {
    expect(applyCostBasis([{ kind: "buy", units: 10_000n, rupiah: 2_000_000n }, { kind: "buy", units: 10_000n, rupiah: 2_200_000n }])).toEqual({ units: 20_000n, cost: 4_200_000n });
    expect(applyCostBasis([{ kind: "buy", units: 20_000n, rupiah: 4_200_000n }, { kind: "out", units: 5_000n, rupiah: 0n }])).toEqual({ units: 15_000n, cost: 3_150_000n });
    expect(applyCostBasis([{ kind: "buy", units: 3n, rupiah: 100n }, { kind: "out", units: 3n, rupiah: 0n }])).toEqual({ units: 0n, cost: 0n });
  });
});

describe("demo price walk", () => {
  it("is deterministic and stays within ±1.5% of base", () => {
    const at = new Date("2026-11-20T05:17:00Z");
    expect(demoMidAt(2_000_000n, at)).toBe(demoMidAt(2_000_000n, new Date(at)));
    for (let i = 0; i < 24 * 12 * 3; i++) {
      const off = demoOffsetBps(new Date(at.getTime() + i * 5 * 60_000));
      expect(Math.abs(off)).toBeLessThanOrEqual(WALK_MAX_BPS);
    }
    const mids = new Set(Array.from({ length: 50 }, (_, i) => demoMidAt(2_000_000n, new Date(at.getTime() + i * 3_600_000))));
    expect(mids.size).toBeGreaterThan(5);
  });
});

describe("files", () => {
  it("parses the World Bank CSV", () => {
    expect(parseGoldHistoryCsv("Date,Price\n1990-01,410.000\n2026-06,4228.000\n")).toEqual([
      { month: "1990-01-01", usdCentsPerOunce: 41_000n },
      { month: "2026-06-01", usdCentsPerOunce: 422_800n },
    ]);
  });

  it("writes trades as CSV", () => {
    const csv = goldTradesToCsv([
      { id: "t1", side: "buy", units: 246n, rupiah: 50_000n, pricePerGram: 2_030_000n, inputMode: "rupiah", source: "manual", createdAt: new Date("2026-11-20T03:00:00Z") },
    ]);
    expect(csv).toBe("time,side,grams,rupiah,price_per_gram,entered_as,source,trade_id\n2026-11-20T03:00:00.000Z,buy,0.0246,50000,2030000,rupiah,manual,t1\n");
  });
});
