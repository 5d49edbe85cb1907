/**
 * The loan engine's integer arithmetic and its rounding rules, in one place. Client-safe and pure.
 *
 * Units: money is bigint rupiah; rates are bigint basis points (1 bps = 0.01 %) for annual product
 * rates and bigint parts-per-million (1 ppm = 0.0001 % = bps × 100) for the regulator's daily caps,
 * whose 0.067 %/day is not a whole number of bps. Every ratio is kept as an exact numerator and
 * denominator until the single rounding step named by the caller (divFloor / divCeil / floorToStep).
 *
 * Kept separate from lib/money/rounding.ts on purpose: the loan engine's rules must not shift if the
 * shared helpers change.
 */

export const BPS = 10_000n;
export const PPM = 1_000_000n;
/** Annual rate in bps → monthly rate: bps / (12 × 10 000). */
export const MONTHLY_RATE_DENOMINATOR = 12n * BPS;
/** Actual/365: the day count for days-tenor interest and for pro-rata accrual is calendar days / 365. */
export const DAYS_PER_YEAR = 365n;

function nonZero(divisor: bigint): void {
  if (divisor === 0n) throw new RangeError("division by zero");
}

/** floor(a / b) towards −∞ (bigint `/` truncates towards zero, which is wrong for negatives). */
export function divFloor(a: bigint, b: bigint): bigint {
  nonZero(b);
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** ceil(a / b). */
export function divCeil(a: bigint, b: bigint): bigint {
  return -divFloor(-a, b);
}

/** floor(a × b / c) with no intermediate rounding. */
export function mulDivFloor(a: bigint, b: bigint, c: bigint): bigint {
  return divFloor(a * b, c);
}

/** ceil(a × b / c). */
export function mulDivCeil(a: bigint, b: bigint, c: bigint): bigint {
  return divCeil(a * b, c);
}

/** The largest multiple of step that is ≤ amount (amount ≥ 0). */
export function floorToStep(amount: bigint, step: bigint): bigint {
  if (step <= 0n) throw new RangeError("step must be positive");
  return divFloor(amount, step) * step;
}

/** The smallest multiple of step that is ≥ amount. */
export function ceilToStep(amount: bigint, step: bigint): bigint {
  if (step <= 0n) throw new RangeError("step must be positive");
  return divCeil(amount, step) * step;
}

export function sumBig(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

export function minBig(first: bigint, ...rest: bigint[]): bigint {
  return rest.reduce((m, v) => (v < m ? v : m), first);
}

export function maxBig(first: bigint, ...rest: bigint[]): bigint {
  return rest.reduce((m, v) => (v > m ? v : m), first);
}

/** Code-unit order, not locale order: tie-breaks must not change with the server's locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Weighted = { key: string; weight: bigint };

/**
 * Splits `total` pro rata to the weights so the parts sum exactly to `total` (Hamilton's
 * largest-remainder method): everyone gets floor(total × w / W); the rupiah left over go one each to
 * the largest fractional remainders, ties broken by ascending key. Because the order is fixed by
 * (remainder, key), the result does not depend on the input order, and a bigger weight never gets
 * less than a smaller one. Returns parts aligned with `items`.
 */
export function largestRemainder(total: bigint, items: readonly Weighted[]): bigint[] {
  if (total < 0n) throw new RangeError("total must be non-negative");
  const weightSum = sumBig(items.map((i) => i.weight));
  if (items.some((i) => i.weight < 0n)) throw new RangeError("weights must be non-negative");
  if (new Set(items.map((i) => i.key)).size !== items.length) throw new RangeError("keys must be unique");
  if (total === 0n) return items.map(() => 0n);
  if (weightSum === 0n) throw new RangeError("cannot split a positive total over zero weight");

  const parts = items.map((i) => (total * i.weight) / weightSum);
  const remainders = items.map((i) => (total * i.weight) % weightSum);
  let left = total - sumBig(parts);
  const order = items
    .map((_, index) => index)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      return compareKeys(items[a]!.key, items[b]!.key);
    });
  // left < number of non-zero remainders, so one pass suffices and zero weights never get a rupiah.
  for (const index of order) {
    if (left === 0n) break;
    parts[index] = parts[index]! + 1n;
    left -= 1n;
  }
  return parts;
}
