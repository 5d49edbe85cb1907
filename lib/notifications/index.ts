import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireUser, withTransaction, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";

export { renderNotification, type RenderableNotification } from "./render";
// The transaction helper other domains call with their transaction (lib/notifications/internal.ts).
export { notify, type NotifyInput } from "./internal";

const PageInput = z.object({
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});

/** The signed-in user's notifications, newest first. */
export async function listMyNotifications({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  const actor = requireUser(ctx);
  const p = parseInput(PageInput, input);
  const db = dbOf(ctx);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(notifications).where(eq(notifications.userId, actor.userId)),
  ]);
  return { items, total: total?.total ?? 0, page: p.page, pageSize: p.pageSize };
}

export async function countMyUnread({ ctx }: { ctx: Ctx }): Promise<number> {
  const actor = requireUser(ctx);
  const [row] = await dbOf(ctx)
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

const MarkReadInput = z.object({ ids: z.array(z.string().uuid()).max(100).optional() });

/** Marks the given notifications (or all) of the signed-in user as read. Others' ids are ignored. */
export async function markNotificationsRead({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<number> {
  const actor = requireUser(ctx);
  const { ids } = parseInput(MarkReadInput, input ?? {});
  return withTransaction(ctx, async (tx) => {
    const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
    const rows = await tx
      .update(notifications)
      .set({ readAt: now() })
      .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
      .returning({ id: notifications.id });
    return rows.length;
  });
}
