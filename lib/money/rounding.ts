/**
 * Integer arithmetic for money. Client-safe, pure. Every function takes and returns bigint and says
 * how it rounds; nothing here ever goes through a float.
 */
export const BPS_DENOMINATOR = 10_000n;

function assertNonZero(divisor: bigint): void {
  if (divisor === 0n) throw new RangeError("Division by zero");
}

/** floor(a / b), rounding towards negative infinity (BigInt division truncates towards zero). */
export function divFloor(a: bigint, b: bigint): bigint {
  assertNonZero(b);
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** ceil(a / b). */
export function divCeil(a: bigint, b: bigint): bigint {
  return -divFloor(-a, b);
}

/** a / b rounded to the nearest integer, halves away from zero (commercial rounding: 2.5 → 3, −2.5 → −3). */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  assertNonZero(b);
  const negative = (a < 0n) !== (b < 0n);
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (2n * absA + absB) / (2n * absB);
  return negative ? -q : q;
}

/** floor(a × b / c) without intermediate rounding. */
export function mulDivFloor(a: bigint, b: bigint, c: bigint): bigint {
  return divFloor(a * b, c);
}

/** ceil(a × b / c). */
export function mulDivCeil(a: bigint, b: bigint, c: bigint): bigint {
  return divCeil(a * b, c);
}

/** a × b / c rounded half away from zero. */
export function mulDivRoundHalfUp(a: bigint, b: bigint, c: bigint): bigint {
  return divRoundHalfUp(a * b, c);
}

/** amount × bps / 10 000, floored (what the platform may charge never rounds up against the user). */
export function bpsOf(amount: bigint, bps: bigint): bigint {
  return mulDivFloor(amount, bps, BPS_DENOMINATOR);
}

/** amount × bps / 10 000, rounded half up. */
export function bpsOfRounded(amount: bigint, bps: bigint): bigint {
  return mulDivRoundHalfUp(amount, bps, BPS_DENOMINATOR);
}

export function minBig(...values: bigint[]): bigint {
  if (values.length === 0) throw new RangeError("minBig needs at least one value");
  return values.reduce((m, v) => (v < m ? v : m));
}

export function maxBig(...values: bigint[]): bigint {
  if (values.length === 0) throw new RangeError("maxBig needs at least one value");
  return values.reduce((m, v) => (v > m ? v : m));
}

export function absBig(value: bigint): bigint {
  return value < 0n ? -value : value;
}

export function sumBig(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/**
 * Splits a non-negative total over non-negative weights so the parts add up to the total exactly
 * (largest remainder; ties go to the earlier weight). Repayments to many lenders and
 * auto-purchase allocation use it.
 */
export function allocateProportionally(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError("total must not be negative");
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
  const weightSum = sumBig(weights);
  if (weights.length === 0) throw new RangeError("allocateProportionally needs at least one weight");
  if (weightSum === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError("weights sum to zero");
  }
  const parts = weights.map((w) => (total * w) / weightSum);
  let left = total - sumBig(parts);
  const order = weights
    .map((w, i) => ({ i, remainder: (total * w) % weightSum }))
    .sort((x, y) => (x.remainder === y.remainder ? x.i - y.i : x.remainder > y.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}
