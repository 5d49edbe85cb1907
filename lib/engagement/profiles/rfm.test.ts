import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RFM_SEGMENTS } from "./fields";
import { fmScore, quintileOf, quintileScores, RFM_GRID, rfmSegmentOf, SCORES, scoreRfm } from "./rfm";

describe("RFM quintiles", () => {
  it("scores ten distinct values two per quintile, best 5", () => {
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "lower")).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
  it("gives ties the same score (the score of the last of them)", () => {
    expect(quintileScores([7, 7, 7, 7, 7])).toEqual([5, 5, 5, 5, 5]);
    expect(quintileScores([1, 1, 1, 1, 9])).toEqual([4, 4, 4, 4, 5]);
    expect(quintileScores([0, 0, 0, 30, 30], "lower")).toEqual([5, 5, 5, 2, 2]);
  });
  it("scores a single lender 5 and works on bigint", () => {
    expect(quintileScores([3])).toEqual([5]);
    expect(quintileScores([10n, 5_000_000_000n, 1n])).toEqual([4, 5, 2]);
    expect(quintileOf(1, 3)).toBe(2);
  });

  it("property: every score is 1–5, the best value scores 5, and a better value never scores lower", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), fc.constantFrom("higher" as const, "lower" as const), (values, better) => {
        const scores = quintileScores(values, better);
        for (const s of scores) expect(s >= 1 && s <= 5).toBe(true);
        const best = better === "higher" ? Math.max(...values) : Math.min(...values);
        expect(scores[values.indexOf(best)]).toBe(5);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            const iBetter = better === "higher" ? values[i]! >= values[j]! : values[i]! <= values[j]!;
            if (iBetter) expect(scores[i]!).toBeGreaterThanOrEqual(scores[j]!);
          }
        }
      }),
    );
  });

  it("property: more recent never gives a lower R (moving one lender's last activity closer)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 365 }), { minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 365 }), (days, pick, closer) => {
        const i = pick % days.length;
        const before = quintileScores(days, "lower")[i]!;
        const moved = days.map((d, k) => (k === i ? Math.max(0, d - closer) : d));
        expect(quintileScores(moved, "lower")[i]!).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("property: the counts match ceil(5·k/n) computed from the definition", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 50 }), (values) => {
        const scores = quintileScores(values);
        values.forEach((v, i) => {
          const k = values.filter((w) => w <= v).length;
          expect(scores[i]).toBe(Math.ceil((5 * k) / values.length));
        });
      }),
    );
  });
});

describe("RFM segment grid", () => {
  it("maps every (R, FM) pair to exactly one known segment, and uses all ten", () => {
    const used = new Set<string>();
    for (const r of SCORES) {
      for (const fm of SCORES) {
        const segment = rfmSegmentOf(r, fm);
        expect(RFM_SEGMENTS).toContain(segment);
        used.add(segment);
      }
    }
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(Object.keys(RFM_GRID)).toHaveLength(5);
  });
  it("places the corners where CleverTap does", () => {
    expect(rfmSegmentOf(5, 5)).toBe("champions");
    expect(rfmSegmentOf(5, 1)).toBe("new");
    expect(rfmSegmentOf(1, 5)).toBe("cant_lose_them");
    expect(rfmSegmentOf(1, 1)).toBe("hibernating");
    expect(rfmSegmentOf(3, 3)).toBe("need_attention");
  });
  it("FM is the mean of F and M rounded half up", () => {
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(4, 5)).toBe(5);
    expect(fmScore(3, 3)).toBe(3);
    fc.assert(fc.property(fc.constantFrom(...SCORES), fc.constantFrom(...SCORES), (f, m) => {
      const fm = fmScore(f, m);
      expect(fm).toBeGreaterThanOrEqual(Math.min(f, m));
      expect(fm).toBeLessThanOrEqual(Math.max(f, m));
    }));
  });
  it("property: the total mapping — any population scores into the ten segments", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ recencyDays: fc.integer({ min: 0, max: 365 }), frequency: fc.integer({ min: 1, max: 50 }), monetary: fc.bigInt({ min: 1n, max: 10n ** 12n }) }), { minLength: 1, maxLength: 30 }), (rows) => {
        const scored = scoreRfm(rows.map((r, i) => ({ ...r, userId: String(i) })));
        for (const s of scored) expect(RFM_SEGMENTS).toContain(s.segment);
      }),
    );
  });
});
