/**
 * Typed message parameters: what notifications and DomainError details carry instead of formatted
 * text, so every channel (the web page, later email, push, SMS) renders them in the reader's
 * language. Client-safe and JSON-safe (stored as jsonb in notifications.params).
 *
 *   { type: "idr", value: "1500000" }        integer rupiah as a decimal string
 *   { type: "gold", value: "12345" }         integer units of 0.0001 g as a decimal string
 *   { type: "day", value: "2025-02-15" }     a calendar day (due dates; WIB days)
 *   { type: "instant", value: "2025-…Z" }    an ISO instant
 *   { type: "bps", value: 1250 }             a percentage in basis points (12.5 %)
 *   { type: "ppm", value: 670 }              a percentage in millionths (0.067 %, daily caps)
 *
 * Plain strings and numbers stay as they are (names, reasons, ids, counts) — including the already
 * formatted strings of notifications stored before this scheme ("Rp1.500.000"), which therefore keep
 * rendering. Each type has exactly one formatter (formatParam), built on lib/money/format.ts.
 */
import { z } from "zod";
import { formatDate, formatDateTime, formatGrams, formatPercent, formatPpmPercent, formatRupiah, type DisplayLocale } from "./format";

const digits = z.string().regex(/^-?\d{1,30}$/);

export const TypedParamSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("idr"), value: digits }),
  z.object({ type: z.literal("gold"), value: digits }),
  z.object({ type: z.literal("day"), value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ type: z.literal("instant"), value: z.iso.datetime({ offset: true }) }),
  z.object({ type: z.literal("bps"), value: z.number().int() }),
  z.object({ type: z.literal("ppm"), value: z.number().int() }),
]);
export type TypedParam = z.infer<typeof TypedParamSchema>;

export const MessageParamSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), TypedParamSchema]);
export type MessageParam = z.infer<typeof MessageParamSchema>;
export type MessageParams = Record<string, MessageParam>;

type Whole = bigint | number | string;
const whole = (v: Whole) => BigInt(v).toString();

/** Integer rupiah. */
export const idr = (v: Whole): TypedParam => ({ type: "idr", value: whole(v) });
/** Integer gold units (0.0001 g). */
export const gold = (units: Whole): TypedParam => ({ type: "gold", value: whole(units) });
/** A calendar day: a "YYYY-MM-DD" string or the date part (UTC) of a Date. */
export const day = (d: Date | string): TypedParam => ({ type: "day", value: typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10) });
/** An instant. */
export const instant = (d: Date | string): TypedParam => ({ type: "instant", value: typeof d === "string" ? new Date(d).toISOString() : d.toISOString() });
/** A percentage in basis points (1 bps = 0.01 %). */
export const bps = (v: bigint | number): TypedParam => ({ type: "bps", value: Number(v) });
/** A percentage in parts per million of one (1 ppm = 0.0001 %). */
export const ppm = (v: bigint | number): TypedParam => ({ type: "ppm", value: Number(v) });

export function isTypedParam(v: unknown): v is TypedParam {
  return TypedParamSchema.safeParse(v).success;
}

/** The one formatter per type. Plain values pass through. */
export function formatParam(locale: DisplayLocale, p: MessageParam): string | number {
  if (p === null) return "";
  if (typeof p === "boolean") return String(p);
  if (typeof p !== "object") return p;
  switch (p.type) {
    case "idr":
      return formatRupiah(p.value, locale);
    case "gold":
      return formatGrams(p.value, locale);
    case "day":
      return formatDate(p.value, locale);
    case "instant":
      return formatDateTime(p.value, locale);
    case "bps":
      return formatPercent(p.value, locale);
    case "ppm":
      return formatPpmPercent(p.value, locale);
  }
}

/**
 * Formats every parameter for an ICU message. Anything that is not a valid parameter (a malformed
 * stored row) becomes an empty string rather than breaking the page.
 */
export function formatParams(locale: DisplayLocale, params: Record<string, unknown> | null | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    const parsed = MessageParamSchema.safeParse(v);
    out[k] = parsed.success ? formatParam(locale, parsed.data) : "";
  }
  return out;
}
