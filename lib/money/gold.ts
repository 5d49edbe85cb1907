/**
 * Gold amounts: integer units of 0.0001 g (ledger unit XAU), bigint end to end. Client-safe.
 */
export const GOLD_UNITS_PER_GRAM = 10_000n;
export const GOLD_DECIMALS = 4;

/** Exact decimal grams: 12345n → "1.2345", 10000n → "1.0000". */
export function unitsToGramsString(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / GOLD_UNITS_PER_GRAM;
  const fraction = (abs % GOLD_UNITS_PER_GRAM).toString().padStart(GOLD_DECIMALS, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** "1.2345" (or "1,2345") grams → 12345n units; at most 4 decimals, digits only. Returns null if invalid. */
export function gramsToUnits(input: string): bigint | null {
  const s = input.trim().replace(",", ".");
  const match = /^(\d{1,12})(?:\.(\d{1,4}))?$/.exec(s);
  if (!match) return null;
  return BigInt(match[1]!) * GOLD_UNITS_PER_GRAM + BigInt((match[2] ?? "").padEnd(GOLD_DECIMALS, "0"));
}

/** 12345n → "1.2345 g" (en) or "1,2345 g" (id): the one gold formatter lives in ./format. */
export { formatGrams } from "./format";
