import "server-only";
import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { adminAuditLog, users } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { ListAuditEntriesInput } from "./schemas";

const DAY_MS = 86_400_000;
/** A Jakarta (UTC+7) calendar day's first instant. */
const jakartaDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

export type AuditEntryView = {
  id: string;
  occurredAt: Date;
  action: string;
  subjectType: string;
  subjectId: string;
  reason: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  admin: { id: string; fullName: string; email: string };
};

/**
 * Admin: the audit log, newest first, filtered by action, subject, admin and Jakarta days. Pages by
 * offset; one row more than the page tells whether there is a next page without counting the table.
 */
export async function listAuditEntries({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const p = parseInput(ListAuditEntriesInput, input);
  const where: SQL[] = [];
  if (p.action) where.push(eq(adminAuditLog.action, p.action));
  if (p.subjectType) where.push(eq(adminAuditLog.subjectType, p.subjectType));
  if (p.subjectId) where.push(eq(adminAuditLog.subjectId, p.subjectId));
  if (p.adminId) where.push(eq(adminAuditLog.adminId, p.adminId));
  if (p.from) where.push(gte(adminAuditLog.occurredAt, jakartaDayStart(p.from)));
  if (p.to) where.push(lt(adminAuditLog.occurredAt, new Date(jakartaDayStart(p.to).getTime() + DAY_MS)));
  const rows = await dbOf(ctx)
    .select({ entry: adminAuditLog, fullName: users.fullName, email: users.email })
    .from(adminAuditLog)
    .innerJoin(users, eq(users.id, adminAuditLog.adminId))
    .where(and(...where))
    .orderBy(desc(adminAuditLog.id))
    .limit(p.pageSize + 1)
    .offset((p.page - 1) * p.pageSize);
  const items: AuditEntryView[] = rows.slice(0, p.pageSize).map(({ entry: e, fullName, email }) => ({
    id: e.id.toString(),
    occurredAt: e.occurredAt,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    reason: e.reason,
    details: e.details,
    ip: e.ip,
    userAgent: e.userAgent,
    admin: { id: e.adminId, fullName, email },
  }));
  return { items, page: p.page, pageSize: p.pageSize, hasNext: rows.length > p.pageSize, filters: p };
}

/** Admin: the admins, for the log's "admin" filter. */
export async function listAuditAdmins({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, "admin");
  return dbOf(ctx)
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(eq(users.role, "admin"))
    .orderBy(asc(users.fullName), asc(users.id));
}
