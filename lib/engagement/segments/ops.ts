import { eventProperties, isEventName, type PropertyDescriptor, type PropertyKind } from "../event-names";
import type { FieldKind } from "../profiles/fields";
import type { EventPropertyFilter, FieldOp } from "./definition";

/**
 * What the compiler (./compile.ts), the oracle (./evaluate.ts) and the validator (./validate.ts) share:
 * which operators apply to which kind, how a rule's JSON value becomes a typed value, and the clock
 * arithmetic of relative windows. Pure and client-safe (the rule builder offers OPS_BY_KIND).
 *
 * Semantics (the same in SQL and in the oracle):
 * - A NULL field (or a user without a profile row: every field NULL) never matches a positive operator
 *   (eq, in, contains, gte, lte, between, is_true, is_false, relative dates). The negative operators
 *   neq, not_in and not_contains are the exact complements of eq, in and contains, so they DO match
 *   NULL ("city is not Jakarta" includes users whose city is unknown). Same for event property filters:
 *   neq matches an event without the property.
 * - is_set: not NULL, and for strings not "", for arrays not empty; not_set is its complement.
 * - eq / in on strings are exact (case-sensitive); contains is ILIKE with %, _ and \ escaped:
 *   case-insensitive for ASCII letters (beyond ASCII, as the database's locale folds case).
 * - Relative dates: `instant` fields against now: more_than_days_ago N → col < now − N×24 h;
 *   less_than_days_ago N → now − N×24 h ≤ col ≤ now; in_next_days N → now ≤ col ≤ now + N×24 h.
 *   `day` fields against today's calendar day in Asia/Jakarta (UTC+7 all year, no DST):
 *   more_than_days_ago N → col < today − N; less_than_days_ago N → today − N ≤ col ≤ today;
 *   in_next_days N → today ≤ col ≤ today + N.
 * - Event windows: "in the last D days" is now − D×24 h ≤ occurred_at ≤ now; without D: occurred_at ≤ now.
 * - Event properties: a dotted key is a path into nested objects ("before.spreadBps"); a map's "key.*"
 *   cannot be filtered on. A stored value that does not have its kind's shape (a numeric property "abc")
 *   is NULL. A list property (catalogue `list: true`) supports contains (has the item, exact) and is_set.
 */

/** The kinds of an event property, as the catalogue (lib/engagement/event-names.ts) declares them. */
export type { PropertyKind };
export type PropertyKindOf = (event: string, property: string) => PropertyKind | undefined;

export const DAY_MS = 86_400_000;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** Which field operators apply to which profile field kind. */
export const OPS_BY_KIND: Record<FieldKind, readonly FieldOp[]> = {
  string: ["eq", "neq", "in", "not_in", "contains", "not_contains", "is_set", "not_set"],
  enum: ["eq", "neq", "in", "not_in", "is_set", "not_set"],
  number: ["eq", "neq", "gte", "lte", "between", "is_set", "not_set"],
  money: ["eq", "neq", "gte", "lte", "between", "is_set", "not_set"],
  gold: ["eq", "neq", "gte", "lte", "between", "is_set", "not_set"],
  boolean: ["eq", "neq", "is_true", "is_false", "is_set", "not_set"],
  instant: ["gte", "lte", "between", "is_set", "not_set", "more_than_days_ago", "less_than_days_ago", "in_next_days"],
  day: ["eq", "neq", "gte", "lte", "between", "is_set", "not_set", "more_than_days_ago", "less_than_days_ago", "in_next_days"],
  // contains: has the item; in: has any of; not_in: has none of.
  string_array: ["contains", "not_contains", "in", "not_in", "is_set", "not_set"],
};

type FilterOp = EventPropertyFilter["op"];
/** Which event property filter operators apply to which property kind. */
export const FILTER_OPS_BY_KIND: Record<PropertyKind, readonly FilterOp[]> = {
  string: ["eq", "neq", "in", "contains", "is_set"],
  enum: ["eq", "neq", "in", "is_set"],
  number: ["eq", "neq", "in", "gte", "lte", "gt", "lt", "is_set"],
  money: ["eq", "neq", "in", "gte", "lte", "gt", "lt", "is_set"],
  gold: ["eq", "neq", "in", "gte", "lte", "gt", "lt", "is_set"],
  bps: ["eq", "neq", "in", "gte", "lte", "gt", "lt", "is_set"],
  boolean: ["eq", "neq", "is_set"],
  instant: ["gte", "lte", "gt", "lt", "is_set"],
  day: ["eq", "neq", "gte", "lte", "gt", "lt", "is_set"],
};

export const NO_VALUE_OPS: readonly string[] = ["is_set", "not_set", "is_true", "is_false"];
export const LIST_OPS: readonly string[] = ["in", "not_in"];
export const RELATIVE_OPS: readonly string[] = ["more_than_days_ago", "less_than_days_ago", "in_next_days"];

export type ValueKind = "string" | "numeric" | "boolean" | "instant" | "day";

/** The comparison kind of a field or property kind. */
export function valueKindOf(kind: FieldKind | PropertyKind): ValueKind {
  switch (kind) {
    case "number":
    case "money":
    case "gold":
    case "bps":
      return "numeric";
    case "boolean":
      return "boolean";
    case "instant":
      return "instant";
    case "day":
      return "day";
    default:
      return "string";
  }
}

const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** YYYY-MM-DD and a real calendar day. */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** An ISO instant with an explicit offset (so PostgreSQL and JavaScript read it alike). */
export function isInstant(text: string): boolean {
  return INSTANT.test(text) && !Number.isNaN(new Date(text).getTime()) && isDay(text.slice(0, 10));
}

/**
 * A rule's JSON value as a canonical text of its kind, or null when it is not one: numeric → decimal
 * string, boolean → "true"/"false", day → YYYY-MM-DD, instant → ISO (UTC, ms), string → itself.
 */
export function normalizeValue(kind: ValueKind, value: unknown): string | null {
  switch (kind) {
    case "numeric": {
      if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : Number.isFinite(value) && isDecimal(String(value)) ? String(value) : null;
      return typeof value === "string" && isDecimal(value) ? value : null;
    }
    case "boolean":
      if (typeof value === "boolean") return String(value);
      return value === "true" || value === "false" ? value : null;
    case "day":
      return typeof value === "string" && isDay(value) ? value : null;
    case "instant":
      return typeof value === "string" && isInstant(value) ? new Date(value).toISOString() : null;
    default:
      return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : null;
  }
}

/** Like normalizeValue, throwing on a value the validator would have refused. */
export function requireValue(kind: ValueKind, value: unknown, where: string): string {
  const v = normalizeValue(kind, value);
  if (v === null) throw new Error(`segment rule not valid: ${where} needs a ${kind} value`);
  return v;
}

export function requireList(kind: ValueKind, value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`segment rule not valid: ${where} needs a list`);
  return value.map((v) => requireValue(kind, v, where));
}

export function requirePair(kind: ValueKind, value: unknown, where: string): [string, string] {
  if (!Array.isArray(value) || value.length !== 2) throw new Error(`segment rule not valid: ${where} needs [from, to]`);
  return [requireValue(kind, value[0], where), requireValue(kind, value[1], where)];
}

export function requireDays(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 3650) throw new Error(`segment rule not valid: ${where} needs a number of days`);
  return value;
}

/** Today's calendar day in Asia/Jakarta (UTC+7 all year). */
export function jakartaDay(now: Date): string {
  return new Date(now.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function minusDays(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The bounds of a relative field operator, inclusive unless `below` (col < below). */
export function relativeBounds(kind: "instant" | "day", op: string, days: number, now: Date): { below?: string; from?: string; to?: string } {
  if (kind === "day") {
    const today = jakartaDay(now);
    if (op === "more_than_days_ago") return { below: addDays(today, -days) };
    if (op === "less_than_days_ago") return { from: addDays(today, -days), to: today };
    return { from: today, to: addDays(today, days) };
  }
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  if (op === "more_than_days_ago") return { below: iso(t - days * DAY_MS) };
  if (op === "less_than_days_ago") return { from: iso(t - days * DAY_MS), to: iso(t) };
  return { from: iso(t), to: iso(t + days * DAY_MS) };
}

/** The typed catalogue's properties of an event (empty for an unknown name). */
export function catalogueProperties(event: string): PropertyDescriptor[] {
  return eventProperties(event);
}

export function isKnownEventName(name: string): boolean {
  return isEventName(name);
}

/** A property's kind when the value is all there is to go by (no catalogue entry). */
export function inferKind(value: unknown): PropertyKind {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number") return "number";
  if (typeof v === "string") {
    if (isDecimal(v)) return "number";
    if (isDay(v)) return "day";
    if (isInstant(v)) return "instant";
  }
  return "string";
}

/** The kind a filter on `event`'s `property` compares as: opts.propertyKind, then the catalogue, then the value. */
export function resolvePropertyKind(event: string, filter: EventPropertyFilter, propertyKind?: PropertyKindOf): PropertyKind {
  return resolveProperty(event, filter, propertyKind).kind;
}

export type ResolvedProperty = {
  kind: PropertyKind;
  /** The catalogue says the property holds a list (filters: contains = has the item, is_set). */
  list: boolean;
  /** The key as a JSON path: the catalogue names nested properties with dots ("before.spreadBps"). */
  path: string[];
};

export function resolveProperty(event: string, filter: EventPropertyFilter, propertyKind?: PropertyKindOf): ResolvedProperty {
  const listed = catalogueProperties(event)?.find((p) => p.key === filter.property);
  const kind = propertyKind?.(event, filter.property) ?? listed?.kind ?? (filter.op === "contains" ? "string" : inferKind(filter.value));
  return { kind, list: listed?.list === true, path: filter.property.split(".") };
}

/** Filter operators on a list property (the catalogue's `list: true`). */
export const LIST_PROPERTY_OPS: readonly string[] = ["contains", "is_set"];

/** Compares two decimal strings exactly (no floats): −1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const parse = (s: string) => {
    const neg = s.startsWith("-");
    const [int = "0", frac = ""] = (neg ? s.slice(1) : s).split(".");
    return { neg, int: int.replace(/^0+/, ""), frac: frac.replace(/0+$/, "") };
  };
  const x = parse(a);
  const y = parse(b);
  const zero = (v: { int: string; frac: string }) => v.int === "" && v.frac === "";
  const sx = zero(x) ? 0 : x.neg ? -1 : 1;
  const sy = zero(y) ? 0 : y.neg ? -1 : 1;
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  let mag = x.int.length !== y.int.length ? (x.int.length < y.int.length ? -1 : 1) : x.int < y.int ? -1 : x.int > y.int ? 1 : 0;
  if (mag === 0) {
    const len = Math.max(x.frac.length, y.frac.length);
    const fx = x.frac.padEnd(len, "0");
    const fy = y.frac.padEnd(len, "0");
    mag = fx < fy ? -1 : fx > fy ? 1 : 0;
  }
  return sx * mag;
}

/** Compares two normalized values of a kind (see normalizeValue). */
export function compareValues(kind: ValueKind, a: string, b: string): number {
  if (kind === "numeric") return compareDecimal(a, b);
  if (kind === "instant") return Math.sign(Date.parse(a) - Date.parse(b));
  return a < b ? -1 : a > b ? 1 : 0;
}
