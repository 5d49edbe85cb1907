import { sql, type SQL } from "drizzle-orm";
import { MAX_RULE_DEPTH, type Rule, type SegmentRule } from "./definition";
import { compileEventCount, compileFirstLast, compileNotFollowed, type EventScope } from "./compile-events";
import { compileField } from "./compile-fields";
import type { PropertyKindOf } from "./ops";

export { analyzeRule, type RuleAnalysis } from "./analyze";

export type CompileOptions = {
  /** The clock's now() (relative windows are evaluated against it). */
  now: Date;
  /** Only these users (the incremental refresh); absent: everyone. */
  userIds?: string[];
  /** The kind of an event property (default: the catalogue, lib/engagement/event-names.ts; else inferred from the value). */
  propertyKind?: PropertyKindOf;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A segment's rule as ONE set-based query, `select u.id as user_id from users u left join profiles p …`
 * (never admins), every value a bound parameter and every column name a constant from PROFILE_FIELDS.
 * Pure: builds the SQL, runs nothing. Expects a rule that passed ./validate.ts (throws an Error on a
 * value the validator refuses). Semantics, shared with the oracle ./evaluate.ts: ./ops.ts.
 */
export function compileSegment(rule: SegmentRule, opts: CompileOptions): SQL {
  let userIds: string | null = null;
  if (opts.userIds) {
    const bad = opts.userIds.find((id) => !UUID.test(id));
    if (bad !== undefined) throw new Error("compileSegment: userIds must be uuids");
    userIds = `{${opts.userIds.join(",")}}`;
  }
  const env: EventScope = { now: opts.now, userIds, propertyKind: opts.propertyKind };
  const restrict = userIds === null ? sql`` : sql` and u.id = any(${userIds}::uuid[])`;
  return sql`select u.id as user_id from users u left join profiles p on p.user_id = u.id where u.role <> 'admin' and (${compileRule(rule, env, 1)})${restrict}`;
}

function compileRule(rule: Rule, env: EventScope, depth: number): SQL {
  switch (rule.type) {
    case "group": {
      if (depth > MAX_RULE_DEPTH) throw new Error("segment rule not valid: nested too deep");
      if (rule.rules.length === 0) return rule.op === "and" ? sql`true` : sql`false`;
      const parts = rule.rules.map((r) => sql`(${compileRule(r, env, depth + 1)})`);
      return sql.join(parts, rule.op === "and" ? sql` and ` : sql` or `);
    }
    case "property":
      return compileField(rule, env.now);
    case "event":
      return compileEventCount(rule, env);
    case "event_not_followed":
      return compileNotFollowed(rule, env);
    case "event_time":
      return compileFirstLast(rule, env);
    case "segment": {
      const member = sql`exists (select 1 from segment_members m where m.segment_id = ${rule.segmentId}::uuid and m.user_id = u.id)`;
      return rule.op === "in" ? member : sql`not ${member}`;
    }
  }
}
