import "server-only";
import type { DbOrTx } from "@/db";
import { segments } from "@/db/schema";
import { now } from "@/lib/clock";
import { analyzeRule } from "../compile";
import type { SegmentRule } from "../definition";
import { refreshMembership } from "./refresh-membership";

/**
 * TEMPORARY (until the segment verbs' createSegment is on main): saves a segment the seed defines —
 * a rule known to be valid — with what it depends on, and computes its members once. The seed
 * switches to createSegment({ ctx: systemCtx("seed"), input }) when that verb lands.
 */
export async function insertSeededSegment(
  tx: DbOrTx,
  input: { key: string; name: string; description: string; rule: SegmentRule },
): Promise<{ id: string }> {
  const a = analyzeRule(input.rule);
  const at = now();
  const [row] = await tx
    .insert(segments)
    .values({ ...input, eventNames: a.eventNames, fields: a.fields, dependsOn: a.dependsOn, timeRelative: a.timeRelative, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ id: segments.id });
  if (!row) return { id: "" };
  await refreshMembership(tx, { segmentIds: [row.id] });
  return { id: row.id };
}
