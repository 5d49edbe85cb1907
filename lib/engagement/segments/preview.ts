import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { compileSegment } from "./compile";
import { checkedRule, checkReferences } from "./internal/save-rule";
import { PREVIEW_SAMPLE_SIZE, PreviewSegmentInput } from "./schemas";

export type SegmentPreview = {
  count: number;
  sample: { userId: string; name: string; email: string; role: string }[];
};

/**
 * Admin: who a rule matches right now, computed live with the same compiled query the membership
 * refresh runs (nothing is stored): the count and the first ten members by name. An incomplete rule
 * is a 400 with a field error for each incomplete part (keys for `segments.errors.<key>`).
 */
export async function previewSegment({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<SegmentPreview> {
  requireRole(ctx, "admin");
  const { rule: raw } = parseInput(PreviewSegmentInput, input);
  const rule = checkedRule(raw);
  const db = dbOf(ctx);
  await checkReferences(db, null, rule);
  const members = compileSegment(rule, { now: now() });
  const [countRows, sampleRows] = await Promise.all([
    db.execute(sql`select count(*)::int as count from (${members}) m`),
    db.execute(sql`
      select ${users.id} as user_id, ${users.fullName} as name, ${users.email} as email, ${users.role} as role
      from ${users}
      where ${users.id} in (select m.user_id from (${members}) m)
      order by ${users.fullName}, ${users.id}
      limit ${PREVIEW_SAMPLE_SIZE}`),
  ]);
  const count = Number(rowsOf<{ count: number | string }>(countRows)[0]?.count ?? 0);
  const sample = rowsOf<{ user_id: string; name: string; email: string; role: string }>(sampleRows).map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role }));
  return { count, sample };
}
