import "server-only";
import { asc, count, desc, eq } from "drizzle-orm";
import { segmentMembers, users } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseLookup } from "@/lib/errors";
import { SegmentMembersInput } from "./schemas";

export type SegmentMemberRow = { userId: string; name: string; email: string; role: string; enteredAt: Date };

/** Admin: a segment's stored members, the latest to enter first, a page at a time. */
export async function listSegmentMembers({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const p = parseLookup(SegmentMembersInput, input, "The segment");
  const db = dbOf(ctx);
  const where = eq(segmentMembers.segmentId, p.segmentId);
  const [items, [total]] = await Promise.all([
    db
      .select({ userId: users.id, name: users.fullName, email: users.email, role: users.role, enteredAt: segmentMembers.enteredAt })
      .from(segmentMembers)
      .innerJoin(users, eq(users.id, segmentMembers.userId))
      .where(where)
      .orderBy(desc(segmentMembers.enteredAt), asc(users.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(segmentMembers).where(where),
  ]);
  return { items: items as SegmentMemberRow[], total: total?.total ?? 0, page: p.page, pageSize: p.pageSize };
}
