import { sql, type SQL } from "drizzle-orm";
import type { Condition, EventPropertyFilter } from "./definition";
import { cast, containsPattern, list } from "./compile-fields";
import { DAY_MS, minusDays, requireList, requireValue, resolveProperty, valueKindOf, type PropertyKindOf, type ValueKind } from "./ops";

type EventCount = Extract<Condition, { type: "event" }>;
type NotFollowed = Extract<Condition, { type: "event_not_followed" }>;
type FirstLast = Extract<Condition, { type: "event_time" }>;

export type EventScope = {
  now: Date;
  /** `u.id = any(…)` restriction as a PostgreSQL array literal of uuids, or null for everyone. */
  userIds: string | null;
  propertyKind?: PropertyKindOf;
};

/**
 * Event conditions, set-based: each is one (semi- or anti-) join of `users u` against a grouped or
 * correlated subquery on `events`. Windows, counts, names, property keys and values are all bound
 * parameters; the aliases are constants.
 */
export function compileEventCount(c: EventCount, env: EventScope): SQL {
  const from = c.withinDays === undefined ? undefined : minusDays(env.now, c.withinDays);
  const base = eventBase("e", c.event, c.where, from, env);
  const grouped = (having: SQL) => sql`select e.user_id from events e where ${base} group by e.user_id having ${having}`;
  const n = c.count;
  if (c.op === "at_least" && n === 0) return sql`true`;
  // At least once: a plain semi-join, no aggregation.
  if (c.op === "at_least" && n === 1) return sql`u.id in (select e.user_id from events e where ${base})`;
  if (c.op === "at_least") return sql`u.id in (${grouped(sql`count(*) >= ${n}::int`)})`;
  if (n === 0) return sql`not exists (select 1 from events e where e.user_id = u.id and ${base})`;
  if (c.op === "exactly") return sql`u.id in (${grouped(sql`count(*) = ${n}::int`)})`;
  // at_most n: nobody with more than n (users without any event included).
  return sql`not exists (select 1 from (${grouped(sql`count(*) > ${n}::int`)}) over_n where over_n.user_id = u.id)`;
}

/** Some X (in the lookback) with no Y in the D days that followed it (up to now). */
export function compileNotFollowed(c: NotFollowed, env: EventScope): SQL {
  const from = c.lookbackDays === undefined ? undefined : minusDays(env.now, c.lookbackDays);
  const x = eventBase("x", c.event, c.where, from, env);
  const y = sql.join([sql`y.name = ${c.thenEvent}`, ...filters("y", c.thenEvent, c.thenWhere, env)], sql` and `);
  const within = sql`y.occurred_at >= x.occurred_at and y.occurred_at <= x.occurred_at + ${c.withinDays * 24}::int * interval '1 hour'`;
  return sql`u.id in (select x.user_id from events x where ${x} and not exists (select 1 from events y where y.user_id = x.user_id and y.id <> x.id and ${within} and y.occurred_at <= ${env.now.toISOString()}::timestamptz and ${y}))`;
}

/** The first / last X (up to now) more than / less than N days ago; users who never did X are not in. */
export function compileFirstLast(c: FirstLast, env: EventScope): SQL {
  const base = eventBase("e", c.event, c.where, undefined, env);
  const at = c.which === "first" ? sql`min(e.occurred_at)` : sql`max(e.occurred_at)`;
  const cut = new Date(env.now.getTime() - c.days * DAY_MS).toISOString();
  const having = c.op === "more_than_days_ago" ? sql`${at} < ${cut}::timestamptz` : sql`${at} >= ${cut}::timestamptz`;
  return sql`u.id in (select e.user_id from events e where ${base} group by e.user_id having ${having})`;
}

function eventBase(alias: "e" | "x", event: string, where: EventPropertyFilter[], from: Date | undefined, env: EventScope): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`${a}.name = ${event}`, sql`${a}.user_id is not null`, sql`${a}.occurred_at <= ${env.now.toISOString()}::timestamptz`];
  if (from) parts.push(sql`${a}.occurred_at >= ${from.toISOString()}::timestamptz`);
  if (env.userIds !== null) parts.push(sql`${a}.user_id = any(${env.userIds}::uuid[])`);
  parts.push(...filters(alias, event, where, env));
  return sql.join(parts, sql` and `);
}

const NUMERIC_TEXT = "^-?[0-9]+([.][0-9]+)?$";
const INSTANT_TEXT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}";
const DAY_TEXT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/**
 * A property's value as its kind: `properties ->> key` (the key a parameter), cast only when it has the
 * kind's shape (CASE, so a malformed stored value is NULL rather than a failed query).
 */
function typed(alias: string, path: string[], kind: ValueKind): { text: SQL; value: SQL } {
  const text = sql`(${json(alias, path, true)})`;
  switch (kind) {
    case "numeric":
      return { text, value: sql`(case when ${text} ~ ${NUMERIC_TEXT} then ${text}::numeric end)` };
    case "instant":
      return { text, value: sql`(case when ${text} ~ ${INSTANT_TEXT} then ${text}::timestamptz end)` };
    case "day":
      return { text, value: sql`(case when ${text} ~ ${DAY_TEXT} then ${text}::date end)` };
    case "boolean":
      return { text, value: sql`(case when ${text} in ('true', 'false') then ${text}::boolean end)` };
    default:
      return { text, value: text };
  }
}

/** `properties ->> key` (as text) or `-> key`, `#>> array[…]` / `#> array[…]` for a dotted path; every key a parameter. */
function json(alias: string, path: string[], asText: boolean): SQL {
  const a = sql.raw(alias);
  if (path.length === 1) return asText ? sql`${a}.properties ->> ${path[0]}::text` : sql`${a}.properties -> ${path[0]}::text`;
  const keys = sql.join(
    path.map((k) => sql`${k}::text`),
    sql`, `,
  );
  return asText ? sql`${a}.properties #>> array[${keys}]` : sql`${a}.properties #> array[${keys}]`;
}

function filters(alias: string, event: string, where: EventPropertyFilter[], env: EventScope): SQL[] {
  return where.map((f) => {
    const p = resolveProperty(event, f, env.propertyKind);
    const label = `filter ${event}.${f.property} ${f.op}`;
    if (p.path.includes("*")) throw new Error(`segment rule not valid: ${label} names a map's keys`);
    if (p.list) {
      if (f.op === "is_set") return sql`(${json(alias, p.path, true)}) is not null`;
      if (f.op === "contains") return sql`(${json(alias, p.path, false)}) @> jsonb_build_array(${requireValue("string", f.value, label)}::text)`;
      throw new Error(`segment rule not valid: ${label} on a list property`);
    }
    const kind = valueKindOf(p.kind);
    const { text, value } = typed(alias, p.path, kind);
    const one = () => cast(kind, requireValue(kind, f.value, label));
    switch (f.op) {
      case "eq":
        return sql`${value} = ${one()}`;
      case "neq":
        return sql`${value} is distinct from ${one()}`;
      case "in":
        return sql`${value} in (${list(kind, requireList(kind, f.value, label))})`;
      case "gte":
        return sql`${value} >= ${one()}`;
      case "lte":
        return sql`${value} <= ${one()}`;
      case "gt":
        return sql`${value} > ${one()}`;
      case "lt":
        return sql`${value} < ${one()}`;
      case "contains":
        return sql`${text} ilike ${containsPattern(requireValue("string", f.value, label))}`;
      case "is_set":
        return sql`${text} is not null`;
    }
  });
}
