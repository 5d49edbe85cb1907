import { profileField } from "../profiles/fields";
import { MAX_RULE_DEPTH, type Condition, type EventPropertyFilter, type Rule, type SegmentRule } from "./definition";
import {
  DAY_MS,
  compareValues,
  relativeBounds,
  requireDays,
  requireList,
  requirePair,
  requireValue,
  resolveProperty,
  valueKindOf,
  type PropertyKindOf,
  type ValueKind,
} from "./ops";

/**
 * The in-memory oracle of ./compile.ts: the same rule, the same semantics (./ops.ts), over plain arrays.
 * Used by the property tests (compiled SQL on a real database must select exactly these users) and handy
 * for explaining a rule on a handful of users. Pure; not for production volumes.
 */
export type WorldUser = { id: string; role: string };
/** A profile row keyed like drizzle returns it (field keys of PROFILE_FIELDS); absent keys are NULL. */
export type WorldProfile = { userId: string } & Record<string, unknown>;
export type WorldEvent = { userId: string | null; name: string; occurredAt: Date; properties: Record<string, unknown> };
export type WorldMember = { segmentId: string; userId: string };
export type World = { users: WorldUser[]; profiles: WorldProfile[]; events: WorldEvent[]; members: WorldMember[] };

type Scope = {
  now: Date;
  userIds: Set<string> | null;
  propertyKind?: PropertyKindOf;
  profiles: Map<string, WorldProfile>;
  events: WorldEvent[];
  members: Set<string>;
};

export function evaluateRule(rule: SegmentRule, world: World, now: Date, opts: { userIds?: string[]; propertyKind?: PropertyKindOf } = {}): Set<string> {
  const scope: Scope = {
    now,
    userIds: opts.userIds ? new Set(opts.userIds) : null,
    propertyKind: opts.propertyKind,
    profiles: new Map(world.profiles.map((p) => [p.userId, p])),
    events: world.events,
    members: new Set(world.members.map((m) => `${m.segmentId}/${m.userId}`)),
  };
  const out = new Set<string>();
  for (const u of world.users) {
    if (u.role === "admin" || (scope.userIds && !scope.userIds.has(u.id))) continue;
    if (matches(rule, u.id, scope, 1)) out.add(u.id);
  }
  return out;
}

function matches(rule: Rule, userId: string, s: Scope, depth: number): boolean {
  switch (rule.type) {
    case "group":
      if (depth > MAX_RULE_DEPTH) throw new Error("segment rule not valid: nested too deep");
      return rule.op === "and" ? rule.rules.every((r) => matches(r, userId, s, depth + 1)) : rule.rules.some((r) => matches(r, userId, s, depth + 1));
    case "property":
      return fieldMatches(rule, s.profiles.get(userId), s.now);
    case "event":
      return countMatches(rule, userId, s);
    case "event_not_followed":
      return notFollowed(rule, userId, s);
    case "event_time":
      return firstLast(rule, userId, s);
    case "segment":
      return s.members.has(`${rule.segmentId}/${userId}`) === (rule.op === "in");
  }
}

/** A column's value as the canonical text of its kind (NULL → null). */
function columnValue(kind: ValueKind, raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return raw.toISOString();
  if (typeof raw === "bigint" || typeof raw === "number" || typeof raw === "boolean") return String(raw);
  if (kind === "instant" && typeof raw === "string") return new Date(raw).toISOString();
  return String(raw);
}

const equal = (kind: ValueKind, a: string, b: string) => (kind === "string" || kind === "boolean" ? a === b : compareValues(kind, a, b) === 0);
const contains = (text: string | null, part: string) => text !== null && text.toLowerCase().includes(part.toLowerCase());

function fieldMatches(c: Extract<Condition, { type: "property" }>, profile: WorldProfile | undefined, now: Date): boolean {
  const field = profileField(c.field);
  if (!field) throw new Error(`segment rule not valid: unknown field ${c.field}`);
  const raw = profile?.[field.key];
  const where = `field ${c.field} ${c.op}`;
  if (field.kind === "string_array") {
    const items = Array.isArray(raw) ? (raw as string[]) : null;
    switch (c.op) {
      case "contains":
        return items !== null && items.includes(requireValue("string", c.value, where));
      case "not_contains":
        return !(items !== null && items.includes(requireValue("string", c.value, where)));
      case "in":
      case "not_in": {
        const wanted = requireList("string", c.value, where);
        const any = items !== null && items.some((i) => wanted.includes(i));
        return c.op === "in" ? any : !any;
      }
      case "is_set":
        return items !== null && items.length > 0;
      case "not_set":
        return !(items !== null && items.length > 0);
      default:
        throw new Error(`segment rule not valid: ${where} does not apply to a list field`);
    }
  }
  const kind = valueKindOf(field.kind);
  const v = columnValue(kind, raw);
  const cmp = (value: string) => (v === null ? null : compareValues(kind, v, value));
  const one = () => requireValue(kind, c.value, where);
  switch (c.op) {
    case "eq":
      return v !== null && equal(kind, v, one());
    case "neq":
      return !(v !== null && equal(kind, v, one()));
    case "in":
    case "not_in": {
      const list = requireList(kind, c.value, where);
      const hit = v !== null && list.some((x) => equal(kind, v, x));
      return c.op === "in" ? hit : !hit;
    }
    case "contains":
      return contains(v, requireValue("string", c.value, where));
    case "not_contains":
      return !contains(v, requireValue("string", c.value, where));
    case "gte":
      return (cmp(one()) ?? -1) >= 0;
    case "lte":
      return (cmp(one()) ?? 1) <= 0;
    case "between": {
      const [from, to] = requirePair(kind, c.value, where);
      return v !== null && compareValues(kind, v, from) >= 0 && compareValues(kind, v, to) <= 0;
    }
    case "is_set":
      return v !== null && (kind !== "string" || v !== "");
    case "not_set":
      return !(v !== null && (kind !== "string" || v !== ""));
    case "is_true":
      return raw === true;
    case "is_false":
      return raw === false;
    case "more_than_days_ago":
    case "less_than_days_ago":
    case "in_next_days": {
      if (kind !== "instant" && kind !== "day") throw new Error(`segment rule not valid: ${where} needs a date field`);
      const b = relativeBounds(kind, c.op, requireDays(c.value, where), now);
      if (v === null) return false;
      if (b.below !== undefined) return compareValues(kind, v, b.below) < 0;
      return compareValues(kind, v, b.from!) >= 0 && compareValues(kind, v, b.to!) <= 0;
    }
  }
}

/** `properties #> path`: the value at a (dotted) path, undefined when absent. */
function propertyAt(properties: Record<string, unknown>, path: string[]): unknown {
  let at: unknown = properties;
  for (const k of path) {
    if (Array.isArray(at)) {
      // PostgreSQL's path steps into arrays by index (negative: from the end).
      if (!/^-?\d+$/.test(k)) return undefined;
      const i = Number(k) < 0 ? at.length + Number(k) : Number(k);
      at = at[i];
      continue;
    }
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, k)) return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

/** `properties #>> path` as JavaScript sees it: strings as they are, numbers and booleans as text. */
function propertyText(properties: Record<string, unknown>, path: string[]): string | null {
  const v = propertyAt(properties, path);
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

const SHAPES: Partial<Record<ValueKind, RegExp>> = {
  numeric: /^-?[0-9]+([.][0-9]+)?$/,
  instant: /^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}/,
  day: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
  boolean: /^(true|false)$/,
};

function filterPasses(event: string, f: EventPropertyFilter, properties: Record<string, unknown>, propertyKind?: PropertyKindOf): boolean {
  const p = resolveProperty(event, f, propertyKind);
  const label = `filter ${event}.${f.property} ${f.op}`;
  if (p.path.includes("*")) throw new Error(`segment rule not valid: ${label} names a map's keys`);
  const text = propertyText(properties, p.path);
  if (p.list) {
    if (f.op === "is_set") return text !== null;
    if (f.op !== "contains") throw new Error(`segment rule not valid: ${label} on a list property`);
    const items = propertyAt(properties, p.path);
    return Array.isArray(items) && items.includes(requireValue("string", f.value, label));
  }
  const kind = valueKindOf(p.kind);
  const shape = SHAPES[kind];
  const value = text === null || (shape && !shape.test(text)) ? null : kind === "instant" ? new Date(text).toISOString() : text;
  const cmp = () => (value === null ? null : compareValues(kind, value, requireValue(kind, f.value, label)));
  switch (f.op) {
    case "eq":
      return value !== null && equal(kind, value, requireValue(kind, f.value, label));
    case "neq":
      return !(value !== null && equal(kind, value, requireValue(kind, f.value, label)));
    case "in":
      return value !== null && requireList(kind, f.value, label).some((x) => equal(kind, value, x));
    case "gte":
      return (cmp() ?? -1) >= 0;
    case "lte":
      return (cmp() ?? 1) <= 0;
    case "gt":
      return (cmp() ?? -1) > 0;
    case "lt":
      return (cmp() ?? 1) < 0;
    case "contains":
      return contains(text, requireValue("string", f.value, label));
    case "is_set":
      return text !== null;
  }
}

function eventsOf(userId: string, event: string, where: EventPropertyFilter[], from: number | undefined, s: Scope): WorldEvent[] {
  const to = s.now.getTime();
  return s.events.filter((e) => {
    const t = e.occurredAt.getTime();
    return e.userId === userId && e.name === event && t <= to && (from === undefined || t >= from) && where.every((f) => filterPasses(event, f, e.properties, s.propertyKind));
  });
}

function countMatches(c: Extract<Condition, { type: "event" }>, userId: string, s: Scope): boolean {
  const from = c.withinDays === undefined ? undefined : s.now.getTime() - c.withinDays * DAY_MS;
  const n = eventsOf(userId, c.event, c.where, from, s).length;
  if (c.op === "at_least") return n >= c.count;
  if (c.op === "exactly") return n === c.count;
  return n <= c.count;
}

function notFollowed(c: Extract<Condition, { type: "event_not_followed" }>, userId: string, s: Scope): boolean {
  const from = c.lookbackDays === undefined ? undefined : s.now.getTime() - c.lookbackDays * DAY_MS;
  const thens = eventsOf(userId, c.thenEvent, c.thenWhere, undefined, s);
  return eventsOf(userId, c.event, c.where, from, s).some((x) => {
    const t = x.occurredAt.getTime();
    return !thens.some((y) => y !== x && y.occurredAt.getTime() >= t && y.occurredAt.getTime() <= t + c.withinDays * DAY_MS);
  });
}

function firstLast(c: Extract<Condition, { type: "event_time" }>, userId: string, s: Scope): boolean {
  const times = eventsOf(userId, c.event, c.where, undefined, s).map((e) => e.occurredAt.getTime());
  if (times.length === 0) return false;
  const at = c.which === "first" ? Math.min(...times) : Math.max(...times);
  const cut = s.now.getTime() - c.days * DAY_MS;
  return c.op === "more_than_days_ago" ? at < cut : at >= cut;
}
