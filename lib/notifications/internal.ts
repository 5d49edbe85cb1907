import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";
import { now } from "@/lib/clock";
import { executePrepared } from "@/db/prepared";
import type { MessageParams } from "@/lib/money/params";

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
