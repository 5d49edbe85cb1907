import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, comparePriority, type AllocationParticipant } from "./allocation";
import { allocateLazily } from "./allocation-lazy";

const STEP = 100_000n;

/** The generated people as participants (ids in a fixed order, a day in January or never allocated) and the loan's figures. */
function setup(people: { requested: bigint; day: number | null }[], supplySteps: bigint, minimumSteps: bigint) {
  const all: AllocationParticipant[] = people.map((x, i) => ({
    id: `l${String(i).padStart(2, "0")}`,
    requested: x.requested,
    lastAllocatedAt: x.day === null ? null : new Date(Date.UTC(2026, 0, x.day)),
  }));
  return { all, input: { supply: supplySteps * STEP, step: STEP, minimum: minimumSteps * STEP } };
}

/** The loan's minimum and supply, in steps. */
const loanFigures = { minimumSteps: fc.bigInt({ min: 0n, max: 5n }), supplySteps: fc.bigInt({ min: 0n, max: 200n }) };

describe("allocateLazily", () => {
  it("gives the same allocations as allocate() over everyone, for any batch size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          ...loanFigures,
          batchSize: fc.integer({ min: 1, max: 5 }),
          people: fc.array(
            fc.record({ requested: fc.oneof(fc.bigInt({ min: 0n, max: 1_000_000n }), fc.bigInt({ min: 0n, max: 30_000_000n })), day: fc.option(fc.integer({ min: 1, max: 5 })) }),
            { minLength: 0, maxLength: 30 },
          ),
        }),
        async ({ minimumSteps, supplySteps, batchSize, people }) => {
          const { all, input } = setup(people, supplySteps, minimumSteps);
          const byId = new Map(all.map((p) => [p.id, p]));
          const seen = new Set<string>();
          // The queue carries only the ranking columns; evaluate() supplies the requests (and leaves some out, as the matcher leaves out skips).
          const lazy = await allocateLazily({
            ...input,
            batchSize,
            queue: [...all].reverse().map((p) => ({ id: p.id, lastAllocatedAt: p.lastAllocatedAt })),
            evaluate: async (batch) => {
              for (const b of batch) seen.add(b.id);
              return batch.map((b) => byId.get(b.id)!).filter((p) => p.requested % 3n !== 1n);
            },
          });
          const full = allocate({ ...input, participants: all.filter((p) => p.requested % 3n !== 1n) });
          const amounts = (r: { allocations: { id: string; amount: bigint }[] }) => new Map(r.allocations.filter((a) => a.amount > 0n).map((a) => [a.id, a.amount]));
          expect(amounts(lazy.result)).toEqual(amounts(full));
          expect(lazy.result.leftover).toBe(full.leftover);
          expect(lazy.evaluated).toBe(seen.size);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives the same allocations whatever sizes a pager gives its batches", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          ...loanFigures,
          sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 40 }),
          people: fc.array(fc.record({ requested: fc.bigInt({ min: 0n, max: 8_000_000n }), day: fc.option(fc.integer({ min: 1, max: 5 })) }), { maxLength: 30 }),
        }),
        async ({ minimumSteps, supplySteps, sizes, people }) => {
          const { all, input } = setup(people, supplySteps, minimumSteps);
          // In ranking order (allocateLazily checks it), served in batches of the given sizes (cycled), never more than asked for.
          const queue = [...all].sort(comparePriority);
          let call = 0;
          const lazy = await allocateLazily({
            ...input,
            batchSize: 6,
            queue: { next: async (size: number) => queue.splice(0, Math.min(size, sizes[call++ % sizes.length]!)) },
            evaluate: async (batch) => batch.filter((p) => p.requested % 3n !== 1n),
          });
          const full = allocate({ ...input, participants: all.filter((p) => p.requested % 3n !== 1n) });
          const amounts = (r: { allocations: { id: string; amount: bigint }[] }) => new Map(r.allocations.filter((a) => a.amount > 0n).map((a) => [a.id, a.amount]));
          expect(amounts(lazy.result)).toEqual(amounts(full));
          expect(lazy.result.leftover).toBe(full.leftover);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("stops once the outcome is settled", async () => {
    const queue = Array.from({ length: 50 }, (_, i) => ({ id: `l${String(i).padStart(2, "0")}`, lastAllocatedAt: null }));
    const r = await allocateLazily({
      supply: 1_000_000n,
      step: STEP,
      minimum: 500_000n,
      batchSize: 3,
      queue,
      evaluate: async (batch) => batch.map((b) => ({ ...b, requested: 500_000n })),
    });
    // 1 M among requests of 500 000 with a 500 000 minimum: two served in full; the third is dropped with nothing left.
    expect(r.evaluated).toBe(3);
    expect(r.result.allocated).toBe(1_000_000n);
  });

  it("pulls pages from a pager only as needed, and refuses a pager out of ranking order", async () => {
    const queue = Array.from({ length: 50 }, (_, i) => ({ id: `l${String(i).padStart(2, "0")}`, lastAllocatedAt: null }));
    const asked: number[] = [];
    let at = 0;
    const pager = {
      next: async (size: number) => {
        asked.push(size);
        const page = queue.slice(at, at + size);
        at += page.length;
        return page;
      },
    };
    const input = { supply: 1_000_000n, step: STEP, minimum: 500_000n, batchSize: 3, evaluate: async (batch: { id: string; lastAllocatedAt: Date | null }[]) => batch.map((b) => ({ ...b, requested: 500_000n })) };
    const r = await allocateLazily({ ...input, queue: pager });
    expect(asked).toEqual([3]);
    expect(r.evaluated).toBe(3);
    const swapped = [queue[1]!, queue[0]!, ...queue.slice(2)];
    await expect(allocateLazily({ ...input, queue: { next: async (size: number) => swapped.splice(0, size) } })).rejects.toThrow(/ranking order/);
  });
});
