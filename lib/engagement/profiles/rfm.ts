/**
 * RFM scoring (pure, client-safe): recency, frequency and monetary value each scored 1–5 by quintile,
 * and CleverTap's ten segments on the grid of R against FM (the rounded mean of F and M).
 *
 * Quintiles by cumulative distribution, so ties share a score: a value's score is
 * ceil(5 × (how many values are at most as good as it) ÷ n). The best value always scores 5; with one
 * lender, everyone is 5. recompute-rfm.ts computes the same in SQL with `count(*) over (order by …)`
 * (the default frame includes peers) and integer arithmetic; a test checks both agree.
 */
import { RFM_SEGMENTS, type RfmSegment } from "./fields";

export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES = [1, 2, 3, 4, 5] as const satisfies readonly Score[];

/** ceil(5·k/n) for 1 ≤ k ≤ n, in integers. */
export function quintileOf(atMostAsGood: number, n: number): Score {
  return Math.floor((5 * atMostAsGood + n - 1) / n) as Score;
}

/**
 * Scores for a list of values where larger is better (frequency, monetary). For recency (fewer days
 * is better) pass `better: "lower"`. The result is in the input's order.
 */
export function quintileScores(values: readonly (number | bigint)[], better: "higher" | "lower" = "higher"): Score[] {
  const n = values.length;
  const cmp = (a: number | bigint, b: number | bigint) => (a < b ? -1 : a > b ? 1 : 0);
  // Worst first: a value's "at most as good" count is its position after the last of its peers.
  const sorted = [...values].sort((a, b) => (better === "higher" ? cmp(a, b) : cmp(b, a)));
  return values.map((v) => {
    let lo = 0;
    let hi = n;
    // First index whose value is strictly better than v.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = better === "higher" ? cmp(sorted[mid]!, v) : cmp(v, sorted[mid]!);
      if (c <= 0) lo = mid + 1;
      else hi = mid;
    }
    return quintileOf(lo, n);
  });
}

/** FM: the mean of F and M, rounded half up. */
export function fmScore(f: Score, m: Score): Score {
  return Math.floor((f + m + 1) / 2) as Score;
}

/**
 * The grid, R from 5 (top row) to 1, FM from 1 (left) to 5 — the standard RFM map as CleverTap draws
 * it. Every cell names exactly one segment and every segment has at least one cell.
 *
 *            FM=1            FM=2                FM=3                FM=4             FM=5
 *   R=5      new             potential_loyalist  potential_loyalist  champions        champions
 *   R=4      promising       potential_loyalist  loyal               champions        champions
 *   R=3      about_to_sleep  need_attention      need_attention      loyal            loyal
 *   R=2      hibernating     about_to_sleep      at_risk             at_risk          cant_lose_them
 *   R=1      hibernating     hibernating         at_risk             cant_lose_them   cant_lose_them
 */
export const RFM_GRID: Record<Score, Record<Score, RfmSegment>> = {
  5: { 1: "new", 2: "potential_loyalist", 3: "potential_loyalist", 4: "champions", 5: "champions" },
  4: { 1: "promising", 2: "potential_loyalist", 3: "loyal", 4: "champions", 5: "champions" },
  3: { 1: "about_to_sleep", 2: "need_attention", 3: "need_attention", 4: "loyal", 5: "loyal" },
  2: { 1: "hibernating", 2: "about_to_sleep", 3: "at_risk", 4: "at_risk", 5: "cant_lose_them" },
  1: { 1: "hibernating", 2: "hibernating", 3: "at_risk", 4: "cant_lose_them", 5: "cant_lose_them" },
};

export function rfmSegmentOf(r: Score, fm: Score): RfmSegment {
  return RFM_GRID[r][fm];
}

export function isScore(n: unknown): n is Score {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 5;
}

export type RfmInput = { userId: string; recencyDays: number; frequency: number; monetary: bigint };
export type RfmResult = RfmInput & { r: Score; f: Score; m: Score; segment: RfmSegment };

/** The whole scoring of one day's population (the in-memory twin of recompute-rfm.ts's SQL). */
export function scoreRfm(rows: readonly RfmInput[]): RfmResult[] {
  const r = quintileScores(rows.map((x) => x.recencyDays), "lower");
  const f = quintileScores(rows.map((x) => x.frequency));
  const m = quintileScores(rows.map((x) => x.monetary));
  return rows.map((x, i) => ({ ...x, r: r[i]!, f: f[i]!, m: m[i]!, segment: rfmSegmentOf(r[i]!, fmScore(f[i]!, m[i]!)) }));
}

export { RFM_SEGMENTS };
