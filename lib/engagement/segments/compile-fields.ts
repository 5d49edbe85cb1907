import { sql, type SQL } from "drizzle-orm";
import { profileField } from "../profiles/fields";
import type { Condition } from "./definition";
import { relativeBounds, requireDays, requireList, requirePair, requireValue, valueKindOf, type ValueKind } from "./ops";

type PropertyCondition = Extract<Condition, { type: "property" }>;

/**
 * The SQL cast of a bound parameter of a value kind. The parameter is always sent as text (`::text`
 * first): postgres.js would otherwise serialize by the inferred type (a string "true" as boolean false).
 */
export function cast(kind: ValueKind, value: string): SQL {
  switch (kind) {
    case "numeric":
      return sql`${value}::text::numeric`;
    case "boolean":
      return sql`${value}::text::boolean`;
    case "instant":
      return sql`${value}::text::timestamptz`;
    case "day":
      return sql`${value}::text::date`;
    default:
      return sql`${value}::text`;
  }
}

/**
 * A profile column's parameter: every numeric column of `profiles` is an integer (counts, rupiah, gold
 * units, RFM scores), so a whole value is compared as bigint. A numeric parameter would make PostgreSQL
 * cast the column (`investments_count::numeric`), which hides the column's statistics from the planner:
 * it guessed 191 of 53 806 rows and probed every events partition once per user (2.2 s instead of
 * ~0.3 s in bench:engagement). A fractional value keeps the exact numeric comparison.
 */
function columnCast(kind: ValueKind, value: string): SQL {
  return kind === "numeric" && /^-?\d{1,18}$/.test(value) ? sql`${value}::text::bigint` : cast(kind, value);
}

function columnList(kind: ValueKind, values: string[]): SQL {
  return sql.join(
    values.map((v) => columnCast(kind, v)),
    sql`, `,
  );
}

/** An ILIKE pattern matching `text` anywhere, with the pattern characters escaped (\ is the escape). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export function list(kind: ValueKind, values: string[]): SQL {
  return sql.join(
    values.map((v) => cast(kind, v)),
    sql`, `,
  );
}

/**
 * One profile field condition on `p` (profiles, left-joined: a user without a row has every field NULL).
 * The column comes from PROFILE_FIELDS only; every value is a bound parameter. Semantics: ./ops.ts.
 */
export function compileField(c: PropertyCondition, now: Date): SQL {
  const field = profileField(c.field);
  if (!field) throw new Error(`segment rule not valid: unknown field ${c.field}`);
  const col = sql`p.${sql.identifier(field.column)}`;
  const where = `field ${c.field} ${c.op}`;
  if (field.kind === "string_array") return arrayOp(col, c, where);
  const kind = valueKindOf(field.kind);
  const one = () => columnCast(kind, requireValue(kind, c.value, where));
  switch (c.op) {
    case "eq":
      return sql`${col} = ${one()}`;
    case "neq":
      return sql`${col} is distinct from ${one()}`;
    case "in":
      return sql`${col} in (${columnList(kind, requireList(kind, c.value, where))})`;
    case "not_in":
      return sql`(${col} is null or ${col} not in (${columnList(kind, requireList(kind, c.value, where))}))`;
    case "contains":
      return sql`${col} ilike ${containsPattern(requireValue("string", c.value, where))}`;
    case "not_contains":
      return sql`(${col} is null or ${col} not ilike ${containsPattern(requireValue("string", c.value, where))})`;
    case "gte":
      return sql`${col} >= ${one()}`;
    case "lte":
      return sql`${col} <= ${one()}`;
    case "between": {
      const [from, to] = requirePair(kind, c.value, where);
      return sql`(${col} >= ${columnCast(kind, from)} and ${col} <= ${columnCast(kind, to)})`;
    }
    case "is_set":
      return kind === "string" ? sql`(${col} is not null and ${col} <> '')` : sql`${col} is not null`;
    case "not_set":
      return kind === "string" ? sql`(${col} is null or ${col} = '')` : sql`${col} is null`;
    case "is_true":
      return sql`${col} is true`;
    case "is_false":
      return sql`${col} is false`;
    case "more_than_days_ago":
    case "less_than_days_ago":
    case "in_next_days": {
      if (kind !== "instant" && kind !== "day") throw new Error(`segment rule not valid: ${where} needs a date field`);
      const b = relativeBounds(kind, c.op, requireDays(c.value, where), now);
      if (b.below !== undefined) return sql`${col} < ${cast(kind, b.below)}`;
      return sql`(${col} >= ${cast(kind, b.from!)} and ${col} <= ${cast(kind, b.to!)})`;
    }
  }
}

function arrayOp(col: SQL, c: PropertyCondition, where: string): SQL {
  const items = () => sql`array[${list("string", requireList("string", c.value, where))}]`;
  switch (c.op) {
    case "contains":
      return sql`${requireValue("string", c.value, where)}::text = any(${col})`;
    case "not_contains":
      return sql`(${col} is null or not (${requireValue("string", c.value, where)}::text = any(${col})))`;
    case "in":
      return sql`${col} && ${items()}`;
    case "not_in":
      return sql`(${col} is null or not (${col} && ${items()}))`;
    case "is_set":
      return sql`cardinality(${col}) > 0`;
    case "not_set":
      return sql`(${col} is null or cardinality(${col}) = 0)`;
    default:
      throw new Error(`segment rule not valid: ${where} does not apply to a list field`);
  }
}
