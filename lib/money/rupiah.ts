import { z } from "zod";
import { ValidationFailed } from "@/lib/errors";

/**
 * Rupiah amounts: integer bigint from end to end. Client-safe (forms parse with the same rules).
 * Accepted input: a bigint, a safe-integer number, or a string of digits ("250000"). Everything else
 * (fractions, exponents, signs, separators, words) is refused: money input must be unambiguous.
 */
export const RUPIAH_MAX = 1_000_000_000_000_000n; // Rp1 quadrillion: far above any real amount, far below int8.

export type AmountErrorKey = "amountInvalid" | "amountTooSmall" | "amountTooLarge";

export type AmountBounds = { min?: bigint; max?: bigint };

export type AmountCheck = { ok: true; value: bigint } | { ok: false; error: AmountErrorKey };

/** Pure check without throwing, for zod refinements and UI hints. min defaults to 1, max to RUPIAH_MAX. */
export function checkRupiah(input: unknown, { min = 1n, max = RUPIAH_MAX }: AmountBounds = {}): AmountCheck {
  let value: bigint;
  if (typeof input === "bigint") {
    value = input;
  } else if (typeof input === "number") {
    if (!Number.isSafeInteger(input)) return { ok: false, error: "amountInvalid" };
    value = BigInt(input);
  } else if (typeof input === "string") {
    const s = input.trim();
    // 20 digits already exceed RUPIAH_MAX; the length cap keeps BigInt() away from megabyte strings.
    if (!/^\d{1,20}$/.test(s)) return { ok: false, error: "amountInvalid" };
    value = BigInt(s);
  } else {
    return { ok: false, error: "amountInvalid" };
  }
  if (value < 0n) return { ok: false, error: "amountInvalid" };
  if (value < min) return { ok: false, error: "amountTooSmall" };
  if (value > max) return { ok: false, error: "amountTooLarge" };
  return { ok: true, value };
}

/** Parses an amount or throws ValidationFailed with a field error (default field "amount"). */
export function parseRupiah(input: unknown, bounds: AmountBounds & { field?: string } = {}): bigint {
  const result = checkRupiah(input, bounds);
  if (result.ok) return result.value;
  throw new ValidationFailed({ [bounds.field ?? "amount"]: result.error }, amountMessage(result.error, bounds));
}

export function amountMessage(error: AmountErrorKey, { min = 1n, max = RUPIAH_MAX }: AmountBounds = {}): string {
  switch (error) {
    case "amountInvalid":
      return "Enter the amount in whole rupiah, digits only.";
    case "amountTooSmall":
      return `The amount must be at least Rp${groupThousands(min)}.`;
    case "amountTooLarge":
      return `The amount must be at most Rp${groupThousands(max)}.`;
  }
}

/** 10000000 → "10.000.000" (Indonesian grouping, as amounts are written in messages). */
export function groupThousands(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return negative ? `-${grouped}` : grouped;
}

/**
 * A zod schema for a rupiah amount field: accepts the same inputs as parseRupiah and outputs bigint.
 * Issue messages are the translation keys (amountInvalid, amountTooSmall, amountTooLarge).
 */
export function zRupiah(bounds: AmountBounds = {}) {
  return z.union([z.string(), z.number(), z.bigint()], { message: "amountInvalid" }).transform((value, ctx) => {
    const result = checkRupiah(value, bounds);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });
}

/**
 * Runs a parse and, when it fails on the amount field with one of the amount keys, gives the error a
 * message that names the limit ("The amount must be at least Rp10.000.").
 */
export function explainAmountError<T>(parse: () => T, bounds: AmountBounds = {}, field = "amount"): T {
  try {
    return parse();
  } catch (e) {
    const key = e instanceof ValidationFailed ? e.fields?.[field] : undefined;
    if (e instanceof ValidationFailed && (key === "amountInvalid" || key === "amountTooSmall" || key === "amountTooLarge")) {
      throw new ValidationFailed(e.fields ?? {}, amountMessage(key, bounds), e.code);
    }
    throw e;
  }
}
