import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { segments } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { ListSegmentsInput } from "./schemas";

export type SegmentListItem = {
  id: string;
  key: string | null;
  name: string;
  description: string;
  memberCount: number;
  refreshedAt: Date | null;
  version: number;
};

/** Admin: the segments (active by default), by name, a page at a time. */
export async function listSegments({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const p = parseInput(ListSegmentsInput, input);
  const db = dbOf(ctx);
  const where = eq(segments.status, p.status);
  const [items, [total]] = await Promise.all([
    db
      .select({ id: segments.id, key: segments.key, name: segments.name, description: segments.description, memberCount: segments.memberCount, refreshedAt: segments.refreshedAt, version: segments.version })
      .from(segments)
      .where(where)
      .orderBy(asc(segments.name), asc(segments.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(segments).where(where),
  ]);
  return { items: items as SegmentListItem[], total: total?.total ?? 0, page: p.page, pageSize: p.pageSize, status: p.status };
}

/** Admin: every active segment's id and name (the editor's "member of segment" choices). */
export async function listSegmentChoices({ ctx }: { ctx: Ctx }): Promise<{ id: string; name: string }[]> {
  requireRole(ctx, "admin");
  return dbOf(ctx).select({ id: segments.id, name: segments.name }).from(segments).where(eq(segments.status, "active")).orderBy(asc(segments.name), asc(segments.id));
}
