import { ceilToStep, compareKeys, floorToStep, maxBig, minBig, sumBig } from "./math";

/**
 * Pro-rata allocation of a scarce supply (a loan's remaining amount) among participants (auto-purchase
 * strategies), in whole steps. Pure and general: it knows nothing about loans or lenders.
 *
 * Priority (comparePriority): never allocated first, then the longest since the last allocation, ties by
 * id. Callers move a participant's lastAllocatedAt forward whenever it is allocated, so whoever was just
 * served goes to the back of the queue.
 *
 * Rules, in order:
 *  1. A request counts only in whole steps (floored). The smallest permitted allocation is
 *     need = max(minimum rounded up to a step, one step); a participant whose stepped request is below
 *     need is not eligible and gets nothing.
 *  2. If the eligible requests fit in the supply, everyone eligible gets their stepped request.
 *  3. Otherwise the eligible are ranked by priority, and the pro-rata set is the longest head of that
 *     ranking in which every share floor_to_step(supply × request / Σ head requests) is ≥ need (or whose
 *     requests all fit). Equivalently: while some share is below need, the LOWEST-priority participant
 *     (the most recently allocated) is dropped and the rest re-prorated. Dropping by priority, not by
 *     size, is what prevents starvation: a small request would otherwise be dropped on every loan of an
 *     oversubscribed market, for ever, while large requests were always served. The ranking's head always
 *     fits (supply ≥ need), so somebody is served on every loan and moves to the back: an eligible
 *     participant with k others ranked ahead of it is served within k + 1 allocations (with the same
 *     participants and supply ≥ need each time; the no-starvation tests check this bound).
 *  4. Whole steps left over by flooring go one at a time to the pro-rata set in priority order, never past
 *     a request (flooring loses less than a step per member, and a pro-rated member always has room for a
 *     step, so one pass places them all).
 *  5. If the pro-rata set got its full requests and at least need is left (the last drop may free a lot),
 *     the remainder is offered to the dropped in priority order: each takes min(its stepped request, the
 *     remainder floored to a step), so the supply is not stranded.
 *
 * Guarantees (checked by the property tests in allocation.test.ts):
 *  - Σ allocations ≤ supply; no allocation exceeds its request; every allocation is a whole number of
 *    steps and is either 0 or ≥ minimum (indeed ≥ need).
 *  - Nothing usable is left: if anyone allocated got less than their stepped request, less than one step
 *    is left over; if anyone eligible got nothing, less than need is left over.
 *  - The served set is a head of the priority ranking: if an eligible participant got nothing, every
 *    eligible participant ranked before it got something.
 *  - The order of `participants` does not matter (the ranking is total: ids are unique).
 */

export type AllocationParticipant = { id: string; requested: bigint; lastAllocatedAt: Date | null };

export type AllocationInput = {
  supply: bigint;
  step: bigint;
  minimum: bigint;
  participants: readonly AllocationParticipant[];
};

export type Allocation = { id: string; amount: bigint };

export type AllocationResult = {
  /** In the order of `participants`, including zero allocations. */
  allocations: Allocation[];
  allocated: bigint;
  leftover: bigint;
  /** How many eligible participants, from the top of the ranking, form the pro-rata set (rule 3). */
  served: number;
};

/** Least recently allocated first: null (never) first, then oldest, then id. */
export function comparePriority(a: Pick<AllocationParticipant, "id" | "lastAllocatedAt">, b: Pick<AllocationParticipant, "id" | "lastAllocatedAt">): number {
  if (a.lastAllocatedAt === null || b.lastAllocatedAt === null) {
    if (a.lastAllocatedAt !== b.lastAllocatedAt) return a.lastAllocatedAt === null ? -1 : 1;
  } else if (a.lastAllocatedAt.getTime() !== b.lastAllocatedAt.getTime()) {
    return a.lastAllocatedAt.getTime() - b.lastAllocatedAt.getTime();
  }
  return compareKeys(a.id, b.id);
}

function validate({ supply, step, minimum, participants }: AllocationInput): void {
  if (step <= 0n) throw new RangeError("step must be positive");
  if (supply < 0n || minimum < 0n) throw new RangeError("supply and minimum must be non-negative");
  if (participants.some((p) => p.requested < 0n)) throw new RangeError("requests must be non-negative");
  if (participants.some((p) => p.lastAllocatedAt !== null && Number.isNaN(p.lastAllocatedAt.getTime()))) {
    throw new RangeError("invalid lastAllocatedAt");
  }
  if (new Set(participants.map((p) => p.id)).size !== participants.length) throw new RangeError("participant ids must be unique");
}

type Slot = { participant: AllocationParticipant; cap: bigint; amount: bigint };

export function allocate(input: AllocationInput): AllocationResult {
  validate(input);
  const { supply, step } = input;
  const need = maxBig(ceilToStep(input.minimum, step), step);
  const slots: Slot[] = input.participants.map((participant) => ({ participant, cap: floorToStep(participant.requested, step), amount: 0n }));
  const ranked = slots.filter((s) => s.cap >= need).sort((a, b) => comparePriority(a.participant, b.participant));

  // The longest head of the ranking that fits: its requests all fit, or its smallest share is ≥ need.
  // floor_to_step(supply × c / Σ) ≥ need ⇔ supply × c ≥ need × Σ, because need is a whole step. Along
  // the ranking Σ only grows and the smallest request only shrinks, so once a head fails every longer one
  // does: the scan stops at the first failure (O(n), not a re-proration per drop).
  let head = 0;
  let sum = 0n;
  let smallest = 0n;
  for (const s of ranked) {
    const nextSum = sum + s.cap;
    const nextSmallest = head === 0 || s.cap < smallest ? s.cap : smallest;
    if (nextSum > supply && supply * nextSmallest < need * nextSum) break;
    head += 1;
    sum = nextSum;
    smallest = nextSmallest;
  }
  const served = ranked.slice(0, head);
  for (const s of served) s.amount = sum <= supply ? s.cap : floorToStep((supply * s.cap) / sum, step);

  let left = supply - sumBig(served.map((s) => s.amount));
  for (const s of served) {
    if (left < step) break;
    if (s.amount + step > s.cap) continue;
    s.amount += step;
    left -= step;
  }
  for (const s of ranked.slice(head)) {
    const take = minBig(s.cap, floorToStep(left, step));
    if (take < need) break;
    s.amount = take;
    left -= take;
  }

  const allocations = slots.map((s) => ({ id: s.participant.id, amount: s.amount }));
  return { allocations, allocated: supply - left, leftover: left, served: head };
}
