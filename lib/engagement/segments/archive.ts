import "server-only";
import { and, arrayContains, eq, ne } from "drizzle-orm";
import { segments } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { Conflict, NotFound, parseLookup } from "@/lib/errors";
import { refreshMembership } from "./internal/refresh-membership";
import { SegmentLookupInput } from "./schemas";

/**
 * Admin: archives a segment. It stops being refreshed and leaves the list; its audit history stays.
 * Refused (409 `segment_in_use`) while an active segment's rule refers to it. Archiving twice is a
 * no-op.
 */
export async function archiveSegment({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ id: string }> {
  requireRole(ctx, "admin");
  const { segmentId } = parseLookup(SegmentLookupInput, input, "The segment");
  return withTransaction(ctx, async (tx) => {
    const [old] = await tx.select().from(segments).where(eq(segments.id, segmentId)).for("update").limit(1);
    if (!old) throw new NotFound("The segment");
    if (old.status === "archived") return { id: old.id };
    const users = await tx
      .select({ id: segments.id, name: segments.name })
      .from(segments)
      .where(and(eq(segments.status, "active"), ne(segments.id, old.id), arrayContains(segments.dependsOn, [old.id])));
    if (users.length > 0) {
      throw new Conflict("segment_in_use", "Another segment's rule refers to this one; change that rule first.", { segments: users.map((u) => u.name).join(", ") });
    }
    await tx.update(segments).set({ status: "archived", updatedAt: now() }).where(eq(segments.id, old.id));
    await refreshMembership(tx, { segmentIds: [old.id] });
    await recordAdminDecision(tx, ctx, { action: "segment.archived", subject: { type: "segment", id: old.id }, before: { status: "active" }, after: { status: "archived" }, details: { name: old.name } });
    return { id: old.id };
  });
}
