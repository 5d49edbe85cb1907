import { z } from "zod";

/**
 * Percentages typed by people ("13.5" or "13,5" % a year) ⇄ the integers stored (basis points, or
 * parts per million for daily late fees). Exact: the decimal string is split into digits, never
 * multiplied as a float. Client-safe: the admin forms validate with the same zod schemas the verbs
 * parse with, so "13,555" is refused with the same field error in the browser and on the server.
 *
 * Error keys (messages "validation.<key>"): percentInvalid (not a number), percentDecimals (more
 * decimals than allowed), percentTooLarge (above the maximum).
 */
export type PercentErrorKey = "percentInvalid" | "percentDecimals" | "percentTooLarge";
export type PercentCheck = { ok: true; value: number } | { ok: false; error: PercentErrorKey };

/**
 * "13.5" → 1350 with decimals 2 (bps); "0.067" → 670 with decimals 4 (ppm). `max` is in the output
 * unit (10 000 bps = 100 %). Accepts an optional trailing "%" and surrounding spaces; no signs, no
 * grouping, no exponents.
 */
export function checkPercent(input: unknown, { decimals, max }: { decimals: number; max: number }): PercentCheck {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, error: "percentInvalid" };
    input = String(input);
  }
  if (typeof input !== "string") return { ok: false, error: "percentInvalid" };
  const m = /^(\d{1,9})(?:[.,](\d+))?$/.exec(input.trim().replace(/\s*%$/, ""));
  if (!m) return { ok: false, error: "percentInvalid" };
  const frac = m[2] ?? "";
  if (frac.length > decimals) return { ok: false, error: "percentDecimals" };
  const value = Number(m[1]) * 10 ** decimals + Number(frac.padEnd(decimals, "0") || "0");
  if (value > max) return { ok: false, error: "percentTooLarge" };
  return { ok: true, value };
}

/** Percent (2 decimals at most) → integer basis points, or null. */
export function percentToBps(input: string): number | null {
  const r = checkPercent(input, { decimals: 2, max: Number.MAX_SAFE_INTEGER });
  return r.ok ? r.value : null;
}

/** An integer in 1/10^decimals of a percent → the plain decimal a form field holds: 1350 → "13.5", 1400 → "14". */
function toPercentInput(value: number | bigint, decimals: number): string {
  const v = BigInt(value);
  const abs = v < 0n ? -v : v;
  const unit = 10n ** BigInt(decimals);
  const frac = (abs % unit).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${v < 0n ? "-" : ""}${abs / unit}${frac ? `.${frac}` : ""}`;
}

/** 1350 bps → "13.5" (to fill a percent field from a stored value). */
export const bpsToPercentInput = (bps: number | bigint) => toPercentInput(bps, 2);
/** 670 ppm → "0.067". */
export const ppmToPercentInput = (ppm: number | bigint) => toPercentInput(ppm, 4);

type ZPercentOptions = { max?: number; /** A field's own key for "not a number" and "too large" (e.g. "spreadInvalid"). */ invalid?: string };

function zPercent(decimals: number, max: number, invalid?: string) {
  return z.union([z.string(), z.number()], { message: invalid ?? "percentInvalid" }).transform((v, ctx) => {
    const r = checkPercent(v, { decimals, max });
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: invalid && r.error !== "percentDecimals" ? invalid : r.error });
    return z.NEVER;
  });
}

/** A percent field (at most 2 decimals) whose parsed value is integer basis points; max in bps (default 100 %). */
export const zPercentBps = ({ max = 10_000, invalid }: ZPercentOptions = {}) => zPercent(2, max, invalid);
/** A percent field (at most 4 decimals) whose parsed value is integer parts per million; max in ppm (default 100 %). */
export const zPercentPpm = ({ max = 1_000_000, invalid }: ZPercentOptions = {}) => zPercent(4, max, invalid);
