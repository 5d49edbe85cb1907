import "server-only";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireUser, withTransaction, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { executePrepared } from "@/db/prepared";
import type { MessageParams } from "@/lib/money/params";

export { renderNotification, type RenderableNotification } from "./render";

export type NotifyInput = {
  userId: string;
  /** A key under notifications.kinds in messages/*.json. */
  kind: string;
  /**
   * Values for the message's placeholders: typed values for money, gold, days and percentages
   * (lib/money/params.ts: idr(), gold(), day(), bps()…), never formatted text; plain strings for names
   * and reasons. Rendered in the reader's language by renderNotification (./render.ts).
   */
  params?: MessageParams;
  /** Where the notification leads (a path inside the portal). */
  link?: string;
};

/** Adds in-app notifications in the caller's transaction (with the change they announce). */
export async function notify(tx: DbOrTx, list: NotifyInput | NotifyInput[]): Promise<void> {
  const items = Array.isArray(list) ? list : [list];
  if (items.length === 0) return;
  const at = now();
  if (items.length > 8) {
    // Batches (auto-purchase) as one JSON parameter of a prepared statement of fixed text (db/prepared.ts):
    // cheaper to build than thousands of bound parameters, one round trip on PostgreSQL.
    const rows = items.map((n) => ({ user_id: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null }));
    await executePrepared(tx, sql`
      insert into notifications (user_id, kind, params, link, created_at)
      select user_id, kind, params, link, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(user_id uuid, kind text, params jsonb, link text)`);
    return;
  }
  await tx.insert(notifications).values(
    items.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null, createdAt: at })),
  );
}

const PageInput = z.object({
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});

/** The signed-in user's notifications, newest first. */
export async function listMyNotifications({ ctx, page, pageSize }: { ctx: Ctx; page?: unknown; pageSize?: unknown }) {
  const actor = requireUser(ctx);
  const p = parseInput(PageInput, { page, pageSize });
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
