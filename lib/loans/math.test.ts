import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ceilToStep, compareKeys, divCeil, divFloor, floorToStep, largestRemainder, maxBig, minBig, mulDivCeil, mulDivFloor, sumBig } from "./math";

describe("integer rounding", () => {
  it("divFloor rounds towards −∞ and divCeil towards +∞, unlike bigint `/`", () => {
    expect([divFloor(7n, 2n), divFloor(-7n, 2n), divFloor(7n, -2n), divFloor(-7n, -2n), divFloor(6n, 3n)]).toEqual([3n, -4n, -4n, 3n, 2n]);
    expect([divCeil(7n, 2n), divCeil(-7n, 2n), divCeil(6n, 3n)]).toEqual([4n, -3n, 2n]);
    expect(() => divFloor(1n, 0n)).toThrow(RangeError);
  });

  it("mulDiv keeps the full product before the one rounding", () => {
    expect(mulDivFloor(100_000_000n, 1_800n, 120_000n)).toBe(1_500_000n);
    expect(mulDivFloor(92_332_001n, 1_800n, 120_000n)).toBe(1_384_980n); // 1 384 980.015
    expect(mulDivCeil(92_332_001n, 1_800n, 120_000n)).toBe(1_384_981n);
  });

  it("rounds to steps", () => {
    expect([floorToStep(1_050_000n, 100_000n), floorToStep(99_999n, 100_000n), ceilToStep(250_000n, 100_000n), ceilToStep(300_000n, 100_000n)]).toEqual([
      1_000_000n, 0n, 300_000n, 300_000n,
    ]);
    expect(() => floorToStep(1n, 0n)).toThrow(RangeError);
  });

  it("small helpers", () => {
    expect(sumBig([1n, 2n, 3n])).toBe(6n);
    expect(minBig(3n, 1n, 2n)).toBe(1n);
    expect(maxBig(3n, 1n, 5n)).toBe(5n);
    expect(["b", "B", "a", "10", "9"].sort(compareKeys)).toEqual(["10", "9", "B", "a", "b"]);
  });

  it("floor and ceil bracket the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 18n }), fc.boolean(), (a, b, negate) => {
        const d = negate ? -b : b;
        const f = divFloor(a, d);
        const c = divCeil(a, d);
        // f ≤ a/d ≤ c, compared without division (multiply through by d, flipping for d < 0).
        const le = (x: bigint, y: bigint) => (d > 0n ? x <= y : x >= y);
        expect(le(f * d, a) && le(a, c * d)).toBe(true);
        expect(c - f).toBe(a % d === 0n ? 0n : 1n);
      }),
    );
  });
});

describe("largestRemainder", () => {
  it("gives the leftover rupiah to the largest remainders, ties by key", () => {
    const items = [{ key: "c", weight: 1n }, { key: "a", weight: 1n }, { key: "b", weight: 1n }];
    expect(largestRemainder(2n, items)).toEqual([0n, 1n, 1n]);
    expect(largestRemainder(10n, [{ key: "x", weight: 2n }, { key: "y", weight: 1n }])).toEqual([7n, 3n]); // 6.67 / 3.33
    expect(largestRemainder(0n, items)).toEqual([0n, 0n, 0n]);
  });

  it("never gives a rupiah to a zero weight", () => {
    expect(largestRemainder(5n, [{ key: "a", weight: 0n }, { key: "b", weight: 3n }, { key: "c", weight: 3n }])).toEqual([0n, 3n, 2n]);
  });

  it("refuses duplicate keys, negative weights and a positive total over zero weight", () => {
    expect(() => largestRemainder(1n, [{ key: "a", weight: 1n }, { key: "a", weight: 1n }])).toThrow(RangeError);
    expect(() => largestRemainder(1n, [{ key: "a", weight: -1n }])).toThrow(RangeError);
    expect(() => largestRemainder(1n, [{ key: "a", weight: 0n }])).toThrow(RangeError);
    expect(() => largestRemainder(-1n, [{ key: "a", weight: 1n }])).toThrow(RangeError);
  });

  it("sums exactly and each part is its floor or floor + 1", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 200 }), (total, weights) => {
        const items = weights.map((weight, i) => ({ key: `k${i}`, weight: i === 0 ? weight + 1n : weight }));
        const W = sumBig(items.map((i) => i.weight));
        const parts = largestRemainder(total, items);
        expect(sumBig(parts)).toBe(total);
        parts.forEach((p, i) => {
          const floor = (total * items[i]!.weight) / W;
          expect(p === floor || p === floor + 1n).toBe(true);
        });
      }),
    );
  });
});
