/**
 * Gold price arithmetic, pure and client-safe. Every rounding of a price lives here:
 *
 * - Spread: with mid M per gram and spread S bps (of mid, between buy and sell),
 *   buy = ceil(M × (20 000 + S) / 20 000) and sell = floor(M × (20 000 − S) / 20 000):
 *   half the spread each side, rounded to whole rupiah in Lumbung's favour (buy up, sell down),
 *   so buy − sell ≥ S/10 000 × M and never less.
 * - Monthly history (USD cents per troy ounce, 1 oz = 31.1034768 g) to rupiah per gram:
 *   rupiah/g = usdCents × rate × 10^7 / (100 × 311 034 768), rounded half up (a chart value, no
 *   money moves at it).
 * - Change in bps: (now − then) × 10 000 / then, truncated toward zero.
 */
export const DEFAULT_SPREAD_BPS = 300;
const HALF_SPREAD_DENOMINATOR = 20_000n;

export type GoldPricePoint = { midPerGram: bigint; buyPerGram: bigint; sellPerGram: bigint };

function divCeilPos(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

export function applySpread(midPerGram: bigint, spreadBps: number): GoldPricePoint {
  if (midPerGram <= 0n) throw new Error("gold: mid price must be positive");
  if (!Number.isInteger(spreadBps) || spreadBps < 0 || spreadBps >= 20_000) throw new Error("gold: spread out of range");
  const s = BigInt(spreadBps);
  const buyPerGram = divCeilPos(midPerGram * (HALF_SPREAD_DENOMINATOR + s), HALF_SPREAD_DENOMINATOR);
  const sellPerGram = (midPerGram * (HALF_SPREAD_DENOMINATOR - s)) / HALF_SPREAD_DENOMINATOR;
  return { midPerGram, buyPerGram, sellPerGram: sellPerGram > 0n ? sellPerGram : 1n };
}

/** The spread actually charged, in bps of mid (for display), truncated. */
export function spreadBpsOf(p: GoldPricePoint): number {
  return Number(((p.buyPerGram - p.sellPerGram) * 10_000n) / p.midPerGram);
}

export const TROY_OUNCE_MICRO_GRAMS_X10 = 311_034_768n; // 31.1034768 g × 10^7

/** USD cents per troy ounce × rupiah per USD → rupiah per gram (half up). */
export function usdCentsPerOunceToRupiahPerGram(usdCentsPerOunce: bigint, rupiahPerUsd: bigint): bigint {
  const num = usdCentsPerOunce * rupiahPerUsd * 10_000_000n;
  const den = 100n * TROY_OUNCE_MICRO_GRAMS_X10;
  return (num * 2n + den) / (2n * den);
}

/** "4228.000" / "374.24" USD → cents (half up beyond two decimals). */
export function usdStringToCents(value: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) throw new Error(`gold: not a USD amount: ${value}`);
  const frac = (m[2] ?? "").padEnd(3, "0");
  const thousandths = BigInt(m[1]!) * 1000n + BigInt(frac.slice(0, 3));
  return (thousandths + 5n) / 10n;
}

/** Change from `then` to `now` in bps of `then`, truncated toward zero; null without a base. */
export function changeBps(nowPrice: bigint, thenPrice: bigint | null | undefined): number | null {
  if (!thenPrice || thenPrice <= 0n) return null;
  return Number(((nowPrice - thenPrice) * 10_000n) / thenPrice);
}
