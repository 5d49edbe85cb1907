import "server-only";
import { count, desc, ilike, or } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";

const ListUsersInput = z.object({
  search: z.string().trim().max(100).optional(),
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(25),
});

/** Admin: users, newest first, optionally filtered by name or email. */
export async function listUsers({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const p = parseInput(ListUsersInput, input);
  const db = dbOf(ctx);
  const pattern = p.search ? `%${p.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where = pattern ? or(ilike(users.fullName, pattern), ilike(users.email, pattern)) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: users.id, fullName: users.fullName, email: users.email, role: users.role, createdAt: users.createdAt })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items: rows, total: total?.total ?? 0, page: p.page, pageSize: p.pageSize, search: p.search };
}
