import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allocateProportionally,
  bpsOf,
  bpsOfRounded,
  divCeil,
  divFloor,
  divRoundHalfUp,
  mulDivCeil,
  mulDivFloor,
  mulDivRoundHalfUp,
  sumBig,
} from "./rounding";

const nonZero = fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }).filter((b) => b !== 0n);
const anyBig = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });

describe("division", () => {
  it("floors, ceils and rounds half away from zero", () => {
    expect(divFloor(7n, 2n)).toBe(3n);
    expect(divFloor(-7n, 2n)).toBe(-4n);
    expect(divCeil(7n, 2n)).toBe(4n);
    expect(divCeil(-7n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(4n, 3n)).toBe(1n);
    expect(divRoundHalfUp(5n, 3n)).toBe(2n);
    expect(() => divFloor(1n, 0n)).toThrow(RangeError);
  });

  it("floor ≤ exact ≤ ceil, within one, and rounding lands between them", () => {
    fc.assert(
      fc.property(anyBig, nonZero, (a, b) => {
        const f = divFloor(a, b);
        const c = divCeil(a, b);
        const r = divRoundHalfUp(a, b);
        // f ≤ a/b: f·b ≤ a when b > 0 (reversed when b < 0).
        if (b > 0n) expect(f * b <= a && a < (f + 1n) * b).toBe(true);
        else expect(f * b >= a && a > (f + 1n) * b).toBe(true);
        expect(c - f === 0n || c - f === 1n).toBe(true);
        expect(r === f || r === c).toBe(true);
        // the remainder left by rounding is at most half the divisor
        const abs = (x: bigint) => (x < 0n ? -x : x);
        expect(2n * abs(a - r * b) <= abs(b)).toBe(true);
      }),
    );
  });

  it("mulDiv keeps full precision past 2^53", () => {
    expect(mulDivFloor(9_007_199_254_740_993n, 3n, 2n)).toBe(13_510_798_882_111_489n);
    expect(mulDivCeil(10n, 1n, 3n)).toBe(4n);
    expect(mulDivRoundHalfUp(10n, 1n, 4n)).toBe(3n);
  });
});

describe("basis points", () => {
  it("takes percentages in bps", () => {
    expect(bpsOf(1_000_000n, 250n)).toBe(25_000n); // 2.5 %
    expect(bpsOf(333n, 5_000n)).toBe(166n); // floors
    expect(bpsOfRounded(333n, 5_000n)).toBe(167n); // half up
  });
});

describe("allocateProportionally", () => {
  it("splits exactly with largest remainders", () => {
    expect(allocateProportionally(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateProportionally(10n, [0n, 5n, 5n])).toEqual([0n, 5n, 5n]);
    expect(allocateProportionally(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(() => allocateProportionally(1n, [0n])).toThrow(RangeError);
  });

  it("always sums to the total, never negative, each part within one of its exact share", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 30 }).filter((w) => sumBig(w) > 0n),
        (total, weights) => {
          const parts = allocateProportionally(total, weights);
          const weightSum = sumBig(weights);
          expect(sumBig(parts)).toBe(total);
          parts.forEach((p, i) => {
            expect(p >= 0n).toBe(true);
            const exactFloor = (total * weights[i]!) / weightSum;
            expect(p === exactFloor || p === exactFloor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});
