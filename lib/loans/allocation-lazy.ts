import { allocate, comparePriority, type AllocationParticipant, type AllocationResult } from "./allocation";
import { ceilToStep, floorToStep, maxBig } from "./math";

/** Candidates evaluated per round by allocateLazily (the auto-purchase matcher's default). */
export const LAZY_BATCH_SIZE = 256;

export type LazyInput<T extends { id: string; lastAllocatedAt: Date | null }> = {
  supply: bigint;
  step: bigint;
  minimum: bigint;
  /**
   * Everyone who might participate, with only what the ranking needs: either the whole queue, in any
   * order (sorted here), or a pager returning the next batch of at most `size` of them in ranking order
   * — only pulled when another batch is needed. A pager may return smaller batches (e.g. sized by what
   * it knows of the amounts); an empty batch means the queue is exhausted. The pager's order is checked
   * against comparePriority (an error, not a silent misallocation, if they ever disagree).
   */
  queue: readonly T[] | { next: (size: number) => Promise<T[]> };
  batchSize?: number;
  /** Computes the requests of one batch (consecutive in the ranking). May return fewer participants (the ineligible left out). */
  evaluate: (batch: T[]) => Promise<AllocationParticipant[]>;
};

export type LazyResult = {
  result: AllocationResult;
  /** The participants evaluated (all batches), in evaluation order. */
  participants: AllocationParticipant[];
  /** How many of the queue were evaluated (a head of the ranking). */
  evaluated: number;
};

/**
 * allocate() over the whole queue, evaluating requests only for a head of the ranking, batch by batch.
 *
 * Why stopping early gives exactly allocate(all): let E be the eligible participants (stepped request ≥
 * need) of the whole queue in ranking order, and F those of the evaluated batches. The batches follow
 * the ranking, so F is a prefix of E. We stop when allocate(F) has served < |F| (the head scan stopped AT
 * an element of F) and leftover < need. Then allocate(E):
 *  - rule 3: the head scan visits the same elements in the same order up to and including the one where
 *    it stopped on F, with the same running sum and smallest request, so it stops at the same place: the
 *    same pro-rata set, the same Σ, the same shares;
 *  - rule 4: the leftover steps go only to that same set, in the same order: identical;
 *  - rule 5: the dropped of F are a prefix of the dropped of E and get the same amounts in the same
 *    order; each take is min(request ≥ need, floor(left)), so the pass stops exactly when left < need.
 *    After F, left = leftover(F) < need, so the first element beyond F (if the pass gets there at all)
 *    stops the pass: everything beyond F gets 0 and the leftover is the same.
 * Participants beyond F that are ineligible get 0 either way. Without the condition (every evaluated
 * eligible one served, or ≥ need left), a later participant could join the pro-rata set or take the
 * remainder, so the next batch is evaluated; when the queue is exhausted F = E.
 */
export async function allocateLazily<T extends { id: string; lastAllocatedAt: Date | null }>(input: LazyInput<T>): Promise<LazyResult> {
  const { supply, step, minimum } = input;
  const batchSize = Math.max(1, input.batchSize ?? LAZY_BATCH_SIZE);
  const need = maxBig(ceilToStep(minimum, step), step);
  const next = pagerOf(input.queue);
  const participants: AllocationParticipant[] = [];
  let eligible = 0;
  let evaluated = 0;
  let previous: T | null = null;
  let result = allocate({ supply, step, minimum, participants });
  for (;;) {
    const batch = await next(batchSize);
    if (batch.length === 0) break;
    for (const c of batch) {
      if (previous !== null && comparePriority(previous, c) >= 0) {
        throw new Error(`allocateLazily: queue not in ranking order at ${c.id} (after ${previous.id})`);
      }
      previous = c;
    }
    evaluated += batch.length;
    for (const p of await input.evaluate(batch)) {
      participants.push(p);
      if (floorToStep(p.requested, step) >= need) eligible += 1;
    }
    result = allocate({ supply, step, minimum, participants });
    if (result.served < eligible && result.leftover < need) break;
  }
  return { result, participants, evaluated };
}

/** An array queue sorted with allocate's own comparator and served in slices, or the caller's pager as is. */
function pagerOf<T extends { id: string; lastAllocatedAt: Date | null }>(queue: LazyInput<T>["queue"]): (size: number) => Promise<T[]> {
  if (!Array.isArray(queue)) return (queue as { next: (size: number) => Promise<T[]> }).next;
  const sorted = [...(queue as readonly T[])].sort(comparePriority);
  let at = 0;
  return async (size) => {
    const page = sorted.slice(at, at + size);
    at += page.length;
    return page;
  };
}
