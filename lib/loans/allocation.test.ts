import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, type AllocationInput, type AllocationParticipant } from "./allocation";

const STEP = 100_000n;
const p = (id: string, requested: bigint, lastAllocatedAt: Date | null = null): AllocationParticipant => ({ id, requested, lastAllocatedAt });
const amounts = (input: AllocationInput) => Object.fromEntries(allocate(input).allocations.map((a) => [a.id, a.amount]));
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe("allocate", () => {
  it("gives everyone their request, floored to the step, when the supply suffices", () => {
    const result = allocate({ supply: 10_000_000n, step: STEP, minimum: STEP, participants: [p("a", 1_050_000n), p("b", 2_000_000n), p("c", 50_000n)] });
    expect(result).toEqual({
      allocations: [{ id: "a", amount: 1_000_000n }, { id: "b", amount: 2_000_000n }, { id: "c", amount: 0n }],
      allocated: 3_000_000n,
      leftover: 7_000_000n,
      served: 2,
    });
  });

  it("pro-rates by request, rounded down to the step", () => {
    // 1 000 000 split 1 : 3 → 250 000 / 750 000 → 200 000 / 700 000, then the 100 000 left goes by priority.
    expect(amounts({ supply: 1_000_000n, step: STEP, minimum: STEP, participants: [p("a", 1_000_000n, day(2)), p("b", 3_000_000n, day(1))] })).toEqual({
      a: 200_000n,
      b: 800_000n,
    });
  });

  it("hands leftover steps to the least recently allocated: never first, then oldest, ties by id", () => {
    const participants = [p("d", 1_000_000n, day(3)), p("c", 1_000_000n, day(1)), p("b", 1_000_000n, null), p("a", 1_000_000n, day(1)), p("e", 1_000_000n, null)];
    // 1 300 000 / 5 = 260 000 → 200 000 each, 300 000 left: b and e (never allocated, by id), then a (day 1, "a" < "c").
    expect(amounts({ supply: 1_300_000n, step: STEP, minimum: STEP, participants })).toEqual({
      a: 300_000n, b: 300_000n, c: 200_000n, d: 200_000n, e: 300_000n,
    });
  });

  it("never hands a leftover step past a request: a full participant is skipped", () => {
    // 2 000 000 over 300 000 / 900 000 / 900 000 → 200 000 / 800 000 / 800 000; 200 000 left go to
    // c (never allocated), then a (day 1); b (day 2) gets none. c and a are now at their requests.
    const participants = [p("a", 300_000n, day(1)), p("b", 900_000n, day(2)), p("c", 900_000n)];
    const result = allocate({ supply: 2_000_000n, step: STEP, minimum: STEP, participants });
    expect(result.allocations).toEqual([{ id: "a", amount: 300_000n }, { id: "b", amount: 800_000n }, { id: "c", amount: 900_000n }]);
    expect(result.leftover).toBe(0n);
  });

  it("offers what the pro-rata set cannot absorb to the dropped, in priority order", () => {
    // Ranked b, c (never allocated, by id); a's 100 000 is below the 300 000 minimum. b + c: c's share
    // 1M × 1/1.3 is fine but b's 1M × 0.3/1.3 = 230 769 → 200 000 < 300 000, so c (ranked last) is dropped;
    // b alone gets its 300 000, and the 700 000 left goes to c rather than being stranded.
    const result = allocate({ supply: 1_000_000n, step: STEP, minimum: 300_000n, participants: [p("a", 100_000n), p("b", 300_000n), p("c", 1_000_000n)] });
    expect(result.allocations).toEqual([{ id: "a", amount: 0n }, { id: "b", amount: 300_000n }, { id: "c", amount: 700_000n }]);
    expect(result.leftover).toBe(0n);
  });

  it("drops the most recently allocated first, not the smallest request, re-prorating the rest", () => {
    // Ranked c (never), b (day 1), a (day 2). All three: c's share 1M × 0.4/4 = 100 000 < 300 000 → a (most
    // recent) is dropped. c + b: 1M × 0.4/1 = 400 000 and 600 000 → both fit. a's 3M request no longer
    // crowds out the small ones; it will be ahead of them on the next loan.
    const participants = [p("a", 3_000_000n, day(2)), p("b", 600_000n, day(1)), p("c", 400_000n)];
    expect(amounts({ supply: 1_000_000n, step: STEP, minimum: 300_000n, participants })).toEqual({ a: 0n, b: 600_000n, c: 400_000n });
    // Had a waited longest, it would be served (1M × 3/3.6 = 833 333 → 800 000 ≥ 300 000; b's 166 666 is
    // below the minimum: c (most recent) and then b are dropped; a takes the whole 1M).
    const waited = [p("a", 3_000_000n), p("b", 600_000n, day(1)), p("c", 400_000n, day(2))];
    expect(amounts({ supply: 1_000_000n, step: STEP, minimum: 300_000n, participants: waited })).toEqual({ a: 1_000_000n, b: 0n, c: 0n });
  });

  it("does not strand the supply when every share is below the minimum at once", () => {
    const participants = Array.from({ length: 10 }, (_, i) => p(`p${i}`, 1_000_000n));
    const result = allocate({ supply: 1_000_000n, step: STEP, minimum: 500_000n, participants });
    expect(result.allocated).toBe(1_000_000n);
    expect(result.allocations.filter((a) => a.amount > 0n)).toEqual([{ id: "p0", amount: 500_000n }, { id: "p1", amount: 500_000n }]);
  });

  it("rounds a minimum that is not a whole step up to the next step", () => {
    expect(amounts({ supply: 10_000_000n, step: STEP, minimum: 250_000n, participants: [p("a", 290_000n), p("b", 300_000n)] })).toEqual({ a: 0n, b: 300_000n });
  });

  it("handles an empty supply and no participants", () => {
    expect(allocate({ supply: 0n, step: STEP, minimum: 0n, participants: [p("a", 500_000n)] }).allocations).toEqual([{ id: "a", amount: 0n }]);
    expect(allocate({ supply: 500_000n, step: STEP, minimum: 0n, participants: [] })).toEqual({ allocations: [], allocated: 0n, leftover: 500_000n, served: 0 });
  });

  it("refuses a zero step, negative amounts and duplicate ids", () => {
    expect(() => allocate({ supply: 1n, step: 0n, minimum: 0n, participants: [] })).toThrow(RangeError);
    expect(() => allocate({ supply: -1n, step: STEP, minimum: 0n, participants: [] })).toThrow(RangeError);
    expect(() => allocate({ supply: 1n, step: STEP, minimum: 0n, participants: [p("a", -1n)] })).toThrow(RangeError);
    expect(() => allocate({ supply: 1n, step: STEP, minimum: 0n, participants: [p("a", 1n), p("a", 2n)] })).toThrow(RangeError);
  });
});

const inputArb: fc.Arbitrary<AllocationInput> = fc
  .record({
    supply: fc.bigInt({ min: 0n, max: 5_000_000_000n }),
    step: fc.constantFrom(1n, 1_000n, 100_000n, 250_000n),
    minimumSteps: fc.bigInt({ min: 0n, max: 20n }),
    minimumExtra: fc.bigInt({ min: 0n, max: 99_999n }),
    participants: fc.array(
      fc.record({
        requested: fc.oneof(fc.bigInt({ min: 0n, max: 50_000_000n }), fc.bigInt({ min: 0n, max: 2_000_000_000n })),
        lastAllocatedAt: fc.option(fc.integer({ min: 1, max: 20 }).map(day)),
      }),
      { maxLength: 60 },
    ),
  })
  .map(({ supply, step, minimumSteps, minimumExtra, participants }) => ({
    supply,
    step,
    minimum: minimumSteps * step + (minimumExtra % step),
    participants: participants.map((x, i) => ({ id: `p${i}`, ...x })),
  }));

/** The ranking allocate() uses: never allocated first, then oldest, then id. */
const ranks = (input: AllocationInput) =>
  [...input.participants].sort((a, b) => {
    const ta = a.lastAllocatedAt?.getTime() ?? -Infinity;
    const tb = b.lastAllocatedAt?.getTime() ?? -Infinity;
    return ta !== tb ? ta - tb : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
const needOf = (input: AllocationInput) => (input.minimum <= input.step ? input.step : ((input.minimum + input.step - 1n) / input.step) * input.step);

/**
 * Repeated loans over the same lenders, as the matcher runs them: whoever is allocated on a loan gets
 * that loan's time as lastAllocatedAt. Returns, per lender, the rounds in which it was allocated.
 */
function rounds(lenders: { id: string; requested: bigint }[], loans: number, supply: bigint, step: bigint, minimum: bigint): Map<string, number[]> {
  const last = new Map<string, Date | null>(lenders.map((l) => [l.id, null]));
  const served = new Map<string, number[]>(lenders.map((l) => [l.id, []]));
  for (let round = 0; round < loans; round++) {
    const at = new Date(Date.UTC(2026, 0, 1) + round * 60_000);
    const { allocations } = allocate({ supply, step, minimum, participants: lenders.map((l) => ({ ...l, lastAllocatedAt: last.get(l.id)! })) });
    for (const a of allocations.filter((x) => x.amount > 0n)) {
      last.set(a.id, at);
      served.get(a.id)!.push(round);
    }
  }
  return served;
}

/** The longest run of rounds (counting from round −1, the start) between a lender's allocations. */
const maxGap = (served: number[], loans: number) => Math.max(...[...served, loans].map((r, i) => r - (i === 0 ? -1 : served[i - 1]!)));

describe("no starvation in an oversubscribed market", () => {
  it("small requests are served in turn, not dropped on every loan", () => {
    // 30 lenders: 20 ask 500 000 – 1 400 000, 10 ask 20 M – 29 M; each loan has 10 M for them (≈ 30×
    // oversubscribed), minimum 500 000. Dropping the smallest first would hand every loan to the large
    // requests and never serve the 20 small ones.
    const lenders = Array.from({ length: 30 }, (_, i) => ({
      id: `l${String(i).padStart(2, "0")}`,
      requested: i % 3 === 2 ? 20_000_000n + BigInt(i) * 300_000n : 500_000n + BigInt(i % 10) * 100_000n,
    }));
    const served = rounds(lenders, 50, 10_000_000n, STEP, 500_000n);
    // Bound: the head of the ranking is always served and goes to the back, so a lender with k others ahead
    // of it is served within k + 1 loans; k ≤ n − 1, so every gap (and the wait for the first allocation)
    // is at most n = 30 loans.
    for (const [id, rs] of served) {
      expect(rs.length, id).toBeGreaterThan(0);
      expect(maxGap(rs, 50), id).toBeLessThanOrEqual(30);
    }
    // Small requests are actually served repeatedly over 50 loans, not once.
    const small = lenders.filter((l) => l.requested < 2_000_000n);
    expect(Math.min(...small.map((l) => served.get(l.id)!.length))).toBeGreaterThanOrEqual(2);
  });

  it("property: every eligible lender is allocated within n loans of the start and of its last allocation", () => {
    fc.assert(
      fc.property(
        fc.record({
          step: fc.constantFrom(1_000n, 100_000n),
          minimumSteps: fc.bigInt({ min: 1n, max: 10n }),
          supplySteps: fc.bigInt({ min: 10n, max: 200n }),
          requests: fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 2_000_000n }), fc.bigInt({ min: 0n, max: 100_000_000n })), { minLength: 1, maxLength: 25 }),
        }),
        ({ step, minimumSteps, supplySteps, requests }) => {
          const minimum = minimumSteps * step;
          const supply = (minimumSteps + supplySteps) * step; // ≥ minimum: someone can always be served
          const lenders = requests.map((requested, i) => ({ id: `l${String(i).padStart(2, "0")}`, requested }));
          const eligible = lenders.filter((l) => (l.requested / step) * step >= minimum);
          const loans = 2 * eligible.length + 1;
          const served = rounds(lenders, loans, supply, step, minimum);
          for (const l of eligible) expect(maxGap(served.get(l.id)!, loans), l.id).toBeLessThanOrEqual(eligible.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("allocation properties", () => {
  it("never exceeds the supply or a request; amounts are whole steps, 0 or ≥ minimum; nothing usable is left", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { allocations, allocated, leftover } = allocate(input);
        const total = allocations.reduce((a, x) => a + x.amount, 0n);
        expect(total).toBe(allocated);
        expect(allocated + leftover).toBe(input.supply);
        expect(total <= input.supply).toBe(true);
        // The smallest non-zero allocation: the minimum rounded up to a whole step, at least one step.
        const need = input.minimum <= input.step ? input.step : ((input.minimum + input.step - 1n) / input.step) * input.step;
        allocations.forEach((a, i) => {
          const requested = input.participants[i]!.requested;
          const stepped = (requested / input.step) * input.step;
          expect(a.amount <= requested && a.amount % input.step === 0n).toBe(true);
          expect(a.amount === 0n || a.amount >= input.minimum).toBe(true);
          // Someone allocated could take another step: then less than a step may be left.
          if (a.amount > 0n && a.amount < stepped) expect(leftover < input.step).toBe(true);
          // Someone left out who could take a minimum allocation: then less than that may be left.
          if (a.amount === 0n && stepped >= need) expect(leftover < need).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("serves a head of the priority ranking: nobody eligible gets nothing while someone ranked after them is served", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const got = amounts(input);
        const need = needOf(input);
        const eligible = ranks(input).filter((x) => (x.requested / input.step) * input.step >= need);
        const firstLeftOut = eligible.findIndex((x) => got[x.id] === 0n);
        if (firstLeftOut >= 0) for (const x of eligible.slice(firstLeftOut)) expect(got[x.id]).toBe(0n);
      }),
      { numRuns: 500 },
    );
  });

  it("gives everyone their stepped request when the requests fit", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const roomy = { ...input, supply: input.participants.reduce((a, x) => a + x.requested, 0n) };
        const { allocations } = allocate(roomy);
        allocations.forEach((a, i) => {
          const stepped = (input.participants[i]!.requested / input.step) * input.step;
          const need = input.minimum > input.step ? input.minimum : input.step;
          expect(a.amount).toBe(stepped >= need ? stepped : 0n);
        });
      }),
    );
  });

  it("the order of participants does not change anyone's allocation", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = { ...input, participants: [...input.participants].reverse() };
        expect(amounts(reversed)).toEqual(amounts(input));
      }),
    );
  });
});
