import "server-only";
import { eq } from "drizzle-orm";
import { segments } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { NotFound, parseLookup } from "@/lib/errors";
import { SegmentLookupInput } from "./schemas";

/** Admin: one segment with its rule (archived ones too). Unknown id → NotFound (the page's 404). */
export async function getSegment({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const { segmentId } = parseLookup(SegmentLookupInput, input, "The segment");
  const [row] = await dbOf(ctx)
    .select({
      id: segments.id,
      key: segments.key,
      name: segments.name,
      description: segments.description,
      rule: segments.rule,
      version: segments.version,
      status: segments.status,
      memberCount: segments.memberCount,
      refreshedAt: segments.refreshedAt,
      createdAt: segments.createdAt,
      updatedAt: segments.updatedAt,
    })
    .from(segments)
    .where(eq(segments.id, segmentId))
    .limit(1);
  if (!row) throw new NotFound("The segment");
  return row;
}
