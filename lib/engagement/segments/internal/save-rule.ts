import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { segments } from "@/db/schema";
import { ValidationFailed, type FieldErrors } from "@/lib/errors";
import { analyzeRule } from "../compile";
import type { Rule, SegmentRule } from "../definition";
import { validateRule } from "../validate";

/**
 * What the segment verbs (create, update, preview) share before a rule is saved or run: the rule is
 * complete (validateRule), every segment it refers to exists and is active, and — when saving an
 * existing segment — no chain of segment conditions leads back to it.
 *
 * Field errors are keyed `rule.<path>` with the path of validateRule's issue (dotted, from the root of
 * the rule, e.g. `rule.rules.1.count`) and the message a key the editor translates as
 * `segments.errors.<key>`.
 */
export function checkedRule(rule: unknown): SegmentRule {
  const result = validateRule(rule);
  if (result.ok) return result.rule;
  const fields: FieldErrors = {};
  for (const issue of result.issues) fields[issue.path ? `rule.${issue.path}` : "rule"] ??= issue.key;
  throw new ValidationFailed(fields, "The segment's rule is incomplete or invalid.", "segment_rule_invalid");
}

/** Every segment condition with its path in the tree ("rules.0.rules.2"). */
export function segmentConditions(rule: SegmentRule): { path: string; segmentId: string }[] {
  const out: { path: string; segmentId: string }[] = [];
  const walk = (r: Rule, path: string) => {
    if (r.type === "group") r.rules.forEach((child, i) => walk(child, `${path ? `${path}.` : ""}rules.${i}`));
    else if (r.type === "segment") out.push({ path, segmentId: r.segmentId });
  };
  walk(rule, "");
  return out;
}

/**
 * The segments a rule refers to exist and are active, and (for an existing segment `selfId`) none of
 * them reaches `selfId` through the stored `depends_on` edges: a cycle would make membership depend
 * on itself. A cycle is a 400 with code `segment_cycle` and the error beside the offending condition.
 */
export async function checkReferences(tx: DbOrTx, selfId: string | null, rule: SegmentRule): Promise<void> {
  const refs = segmentConditions(rule);
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.segmentId))];
  const found = await tx.select({ id: segments.id, status: segments.status }).from(segments).where(inArray(segments.id, ids));
  const status = new Map(found.map((s) => [s.id, s.status]));
  const fields: FieldErrors = {};
  for (const ref of refs) {
    const s = status.get(ref.segmentId);
    if (!s) fields[`rule.${ref.path}.segmentId`] ??= "segmentUnknown";
    else if (s === "archived") fields[`rule.${ref.path}.segmentId`] ??= "segmentArchived";
  }
  if (Object.keys(fields).length > 0) throw new ValidationFailed(fields, "The rule refers to a segment that does not exist or is archived.", "segment_reference_invalid");
  if (!selfId) return;
  for (const ref of refs) {
    if (ref.segmentId === selfId || (await reaches(tx, ref.segmentId, selfId))) fields[`rule.${ref.path}.segmentId`] ??= "segmentCycle";
  }
  if (Object.keys(fields).length > 0) throw new ValidationFailed(fields, "The rule would make segments depend on each other in a circle.", "segment_cycle");
}

/** Whether `target` is reachable from `from` along segments' depends_on (one recursive query). */
async function reaches(tx: DbOrTx, from: string, target: string): Promise<boolean> {
  const rows = rowsOf<{ found: boolean }>(
    await tx.execute(sql`
      with recursive reach(id) as (
        select ${from}::uuid
        union
        select d from ${segments} s join reach r on s.id = r.id, unnest(s.depends_on) d
      )
      select exists(select 1 from reach where id = ${target}::uuid) as found`),
  );
  return Boolean(rows[0]?.found);
}

/** The columns saved beside a rule so the incremental refresh knows what can change its membership. */
export function ruleColumns(rule: SegmentRule) {
  const a = analyzeRule(rule);
  return { eventNames: a.eventNames, fields: a.fields, dependsOn: a.dependsOn, timeRelative: a.timeRelative };
}
