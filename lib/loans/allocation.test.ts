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

  it("after dropping, the rest may get their whole requests and keep the remainder unallocated", () => {
    // b: 1M × 0.3/1.3 = 230 769 → 200 000 < 300 000 → dropped; c then fits exactly.
    const result = allocate({ supply: 1_000_000n, step: STEP, minimum: 300_000n, participants: [p("a", 100_000n), p("b", 300_000n), p("c", 1_000_000n)] });
    expect(result.allocations).toEqual([{ id: "a", amount: 0n }, { id: "b", amount: 0n }, { id: "c", amount: 1_000_000n }]);
  });

  it("drops participants below the minimum one at a time, smallest first, re-prorating the rest", () => {
    const participants = [p("a", 3_000_000n), p("b", 600_000n), p("c", 400_000n)];
    // c: 1M × 0.4/4 = 100 000 < 300 000 → dropped; b: 1M × 0.6/3.6 = 166 666 → 100 000 → dropped; a takes all.
    expect(amounts({ supply: 1_000_000n, step: STEP, minimum: 300_000n, participants })).toEqual({ a: 1_000_000n, b: 0n, c: 0n });
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
    expect(allocate({ supply: 500_000n, step: STEP, minimum: 0n, participants: [] })).toEqual({ allocations: [], allocated: 0n, leftover: 500_000n });
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
