import "server-only";
import { eq } from "drizzle-orm";
import { segments } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { Conflict, NotFound, parseLookup } from "@/lib/errors";
import { refreshMembership } from "./internal/refresh-membership";
import { checkedRule, checkReferences, ruleColumns } from "./internal/save-rule";
import { UpdateSegmentInput } from "./schemas";

/**
 * Admin: edits a segment (name, description, rule) as version + 1 and recomputes its members in the
 * same transaction (entries and exits become segment_entered / segment_exited events). Refused: a
 * rule that makes segments depend on each other in a circle (400 `segment_cycle`), an archived
 * segment (409 `segment_archived`), a save over a newer version than the editor started from (409
 * `segment_version_conflict`).
 */
export async function updateSegment({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ id: string; version: number }> {
  requireRole(ctx, "admin");
  const data = parseLookup(UpdateSegmentInput, input, "The segment");
  const rule = checkedRule(data.rule);
  return withTransaction(ctx, async (tx) => {
    const [old] = await tx.select().from(segments).where(eq(segments.id, data.segmentId)).for("update").limit(1);
    if (!old) throw new NotFound("The segment");
    if (old.status === "archived") throw new Conflict("segment_archived", "An archived segment cannot be edited.");
    if (data.expectedVersion !== undefined && data.expectedVersion !== old.version) {
      throw new Conflict("segment_version_conflict", "Someone saved this segment since you opened it; reload to see their version.", { version: old.version });
    }
    await checkReferences(tx, old.id, rule);
    const version = old.version + 1;
    await tx
      .update(segments)
      .set({ name: data.name, description: data.description, rule, version, ...ruleColumns(rule), updatedAt: now() })
      .where(eq(segments.id, old.id));
    await refreshMembership(tx, { segmentIds: [old.id] });
    const ruleChanged = JSON.stringify(old.rule) !== JSON.stringify(rule);
    await recordAdminDecision(tx, ctx, {
      action: "segment.updated",
      subject: { type: "segment", id: old.id },
      before: { version: old.version, ...(old.name !== data.name ? { name: old.name } : {}), ...(old.description !== data.description ? { description: old.description } : {}), ...(ruleChanged ? { rule: old.rule } : {}) },
      after: { version, ...(old.name !== data.name ? { name: data.name } : {}), ...(old.description !== data.description ? { description: data.description } : {}), ...(ruleChanged ? { rule } : {}) },
    });
    return { id: old.id, version };
  });
}
