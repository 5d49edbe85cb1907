import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { collapsePartitions, percentiles } from "./stats";

describe("bench/engagement stats", () => {
  it("percentiles are nearest-rank values of the sample, in order", () => {
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
    const p = percentiles(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect(p).toEqual({ p50: 51, p95: 96, p99: 100, max: 100 });
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: 0, max: 1e6 }), { minLength: 1 }), (xs) => {
        const q = percentiles(xs);
        expect(xs).toContain(q.p50);
        expect(q.p50 <= q.p95 && q.p95 <= q.p99 && q.p99 <= q.max).toBe(true);
      }),
    );
  });

  it("keeps the first partition under an Append and counts the others with their rows", () => {
    const plan = [
      "Aggregate  (actual time=1.0..2.0 rows=1 loops=1)",
      "  ->  Append  (actual time=0.1..1.0 rows=30 loops=1)",
      "        ->  Seq Scan on events_y2026m01 e_1  (actual time=0.1..0.2 rows=10 loops=1)",
      "              Filter: (name = 'x'::text)",
      "        ->  Seq Scan on events_y2026m02 e_2  (actual time=0.1..0.2 rows=12 loops=1)",
      "              Filter: (name = 'x'::text)",
      "        ->  Seq Scan on events_default e_3  (actual time=0.1..0.2 rows=8 loops=1)",
      "Planning Time: 0.1 ms",
    ];
    expect(collapsePartitions(plan)).toEqual([
      plan[0],
      plan[1],
      plan[2],
      plan[3],
      "        -> … 2 more partitions like it (20 rows)",
      "Planning Time: 0.1 ms",
    ]);
    const parallel = ["  ->  Parallel Append  (actual time=0.1..1.0 rows=3 loops=3)", plan[2]!, plan[4]!];
    expect(collapsePartitions(parallel)).toEqual([parallel[0], parallel[1], "        -> … 1 more partitions like it (12 rows)"]);
    const flat = ["Result  (actual time=0.1..0.1 rows=1 loops=1)"];
    expect(collapsePartitions(flat)).toEqual(flat);
  });
});
