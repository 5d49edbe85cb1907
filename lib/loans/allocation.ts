import { ceilToStep, compareKeys, floorToStep, maxBig, sumBig } from "./math";

/**
 * Pro-rata allocation of a scarce supply (a loan's remaining amount) among participants (auto-purchase
 * strategies), in whole steps. Pure and general: it knows nothing about loans or lenders.
 *
 * Rules, in order:
 *  1. A request counts only in whole steps (floored); a request below the smallest permitted
 *     allocation, max(minimum rounded up to a step, one step), gets nothing.
 *  2. If the requests fit in the supply, everyone gets their (stepped) request.
 *  3. Otherwise each gets floor_to_step(supply × request / Σ requests). While the smallest of those is
 *     below the minimum, that participant is dropped and the rest are re-prorated. Dropping one at a
 *     time (smallest request first, least-priority first on ties) rather than everyone below the
 *     minimum at once keeps the supply from being stranded when many small shares fall short together,
 *     and ensures that if anyone is dropped, what remains is less than one minimum allocation.
 *  4. Whole steps left over go one at a time in priority order: never allocated first, then the
 *     longest since their last allocation, ties by id, never past a participant's request.
 * Never more than the supply is allocated.
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
};

/** Least recently allocated first: null (never) first, then oldest, then id. */
export function comparePriority(a: AllocationParticipant, b: AllocationParticipant): number {
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
  let survivors = slots.filter((s) => s.cap >= need);
  let requested = sumBig(survivors.map((s) => s.cap));

  if (requested <= supply) {
    for (const s of survivors) s.amount = s.cap;
  } else {
    // Drop order: smallest request first; among equal requests the lowest priority goes first.
    survivors.sort((a, b) => (a.cap !== b.cap ? (a.cap < b.cap ? -1 : 1) : comparePriority(b.participant, a.participant)));
    let first = 0;
    while (first < survivors.length && requested > supply && floorToStep((supply * survivors[first]!.cap) / requested, step) < need) {
      requested -= survivors[first]!.cap;
      first += 1;
    }
    survivors = survivors.slice(first);
    for (const s of survivors) s.amount = requested <= supply ? s.cap : floorToStep((supply * s.cap) / requested, step);
  }

  // Flooring loses less than one step per survivor, so one pass in priority order places every whole
  // step left; participants who got their full request have no room and are skipped.
  let left = supply - sumBig(slots.map((s) => s.amount));
  for (const s of [...survivors].sort((a, b) => comparePriority(a.participant, b.participant))) {
    if (left < step) break;
    if (s.amount + step > s.cap) continue;
    s.amount += step;
    left -= step;
  }

  const allocations = slots.map((s) => ({ id: s.participant.id, amount: s.amount }));
  return { allocations, allocated: supply - left, leftover: left };
}
