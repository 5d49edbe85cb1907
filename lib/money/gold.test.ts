import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatGrams, GOLD_UNITS_PER_GRAM, gramsToUnits, unitsToGramsString } from "./gold";

describe("gold units", () => {
  it("has 10 000 units per gram", () => {
    expect(GOLD_UNITS_PER_GRAM).toBe(10_000n);
    expect(gramsToUnits("1")).toBe(10_000n);
    expect(gramsToUnits("0.0001")).toBe(1n);
    expect(gramsToUnits("2,5")).toBe(25_000n);
  });

  it("refuses more than 4 decimals and non-numbers", () => {
    expect(gramsToUnits("0.00001")).toBeNull();
    expect(gramsToUnits("-1")).toBeNull();
    expect(gramsToUnits("abc")).toBeNull();
    expect(gramsToUnits("1e3")).toBeNull();
  });

  it("formats per locale with all four decimals", () => {
    expect(formatGrams(12_345n)).toBe("1.2345 g");
    expect(formatGrams(12_345n, "id")).toBe("1,2345 g");
    expect(formatGrams("12345678900000", "en")).toBe("1,234,567,890.0000 g");
    expect(formatGrams(-5n)).toBe("−0.0005 g");
  });

  it("round-trips units through grams", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (u) => {
        expect(gramsToUnits(unitsToGramsString(u))).toBe(u);
      }),
    );
  });
});
