import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { eventCursors, events } from "@/db/schema";
import { now } from "@/lib/clock";

export type DrainedEvent = {
  id: bigint;
  name: string;
  userId: string | null;
  anonymousId: string | null;
  occurredAt: Date;
  properties: Record<string, unknown>;
};

/**
 * Reads the events committed after a consumer's cursor, in commit order, and hands them to `fn` in one
 * transaction with the cursor's advance: `fn`'s writes and the new position commit together, or
 * neither does (a crash in `fn` re-delivers the same events next time). Returns how many were handed
 * over (0: nothing new; `fn` is not called). Consumers (traits, segment membership, journeys) loop on
 * it; two drainers of one consumer take turns on the cursor row's lock.
 *
 * Why not `id > last`: a bigserial id is taken at insert, but the row becomes visible at commit. A
 * transaction that took id 10 and commits after one that took id 11 would be skipped by a reader that
 * saw 11 and moved its cursor past 10.
 *
 * The order used instead is (tx_id, id): tx_id is the writing transaction's top-level id
 * (`pg_current_xact_id()`, the column's default; 64-bit, so it never wraps), and a read only returns
 * rows with tx_id below the xmin of its own snapshot. That is safe because:
 *  - every transaction whose id is below the snapshot's xmin had ended when the snapshot was taken:
 *    its rows are all visible to this very statement (committed) or will never exist (rolled back).
 *    `pg_current_snapshot()` is the statement's snapshot (read committed), so the watermark and the
 *    rows come from the same instant;
 *  - a transaction still running, or not yet started, has an id ≥ that xmin, greater than the tx_id of
 *    every row returned, so its rows sort after the stored cursor whenever it commits: a transaction
 *    that commits later with a *lower event id* is not skipped, because ids order only within one
 *    transaction, whose rows became visible all at once (a batch cut by `limit` inside one transaction
 *    resumes at (tx_id, id) > (tx, last id));
 *  - the consumer's own transaction: locking the cursor row gives it an id, which PostgreSQL counts in
 *    the xmin of its later snapshots, so the events `fn` writes (e.g. segment_entered) are never read in
 *    the batch that wrote them; they come in a later call, once committed. The events are read before
 *    `fn` runs, so nothing `fn` does changes the batch.
 * Rows moved between partitions keep id and tx_id, so partition maintenance does not disturb cursors.
 * The price: a long-running writing transaction holds the watermark back, so consumers lag behind it
 * (read-only transactions do not: a snapshot's xmin counts transaction ids, not other snapshots).
 * Transaction ids are cluster-wide, so that includes writers in *other databases* of the same server
 * (a shared test server, a co-hosted app): give Lumbung its own cluster, keep jobs' transactions short,
 * and watch `age(backend_xid)` in pg_stat_activity. Lag, never loss.
 */
export async function drainEvents(
  consumer: string,
  opts: { limit: number },
  fn: (tx: Tx, events: DrainedEvent[]) => Promise<void>,
): Promise<number> {
  const limit = Math.max(1, Math.floor(opts.limit));
  return getDb().transaction(async (tx) => {
    const lockCursor = async () =>
      (
        await tx
          .select({ txId: eventCursors.txId, eventId: eventCursors.eventId })
          .from(eventCursors)
          .where(eq(eventCursors.consumer, consumer))
          .for("update")
      )[0];
    let cursor = await lockCursor();
    if (!cursor) {
      // A new consumer starts at the beginning; two starting at once both end up locking the one row.
      await tx
        .insert(eventCursors)
        .values({ consumer, txId: 0n, eventId: 0n, updatedAt: now() })
        .onConflictDoNothing({ target: eventCursors.consumer });
      cursor = await lockCursor();
      if (!cursor) throw new Error(`event cursor ${consumer} missing after insert`);
    }

    const rows = await tx
      .select({
        id: events.id,
        txId: events.txId,
        name: events.name,
        userId: events.userId,
        anonymousId: events.anonymousId,
        occurredAt: events.occurredAt,
        properties: events.properties,
      })
      .from(events)
      .where(
        and(
          sql`(${events.txId}, ${events.id}) > (${cursor.txId.toString()}::bigint, ${cursor.eventId.toString()}::bigint)`,
          sql`${events.txId} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
        ),
      )
      .orderBy(asc(events.txId), asc(events.id))
      .limit(limit);
    if (rows.length === 0) return 0;

    await fn(
      tx,
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        userId: r.userId,
        anonymousId: r.anonymousId,
        occurredAt: r.occurredAt,
        properties: r.properties,
      })),
    );

    const last = rows[rows.length - 1]!;
    await tx
      .update(eventCursors)
      .set({ txId: last.txId, eventId: last.id, updatedAt: now() })
      .where(eq(eventCursors.consumer, consumer));
    return rows.length;
  });
}

/**
 * Waits until every event committed so far is below the snapshot watermark, i.e. the next drainEvents
 * can see it; false after `timeoutMs`. For tests and scripts that write events and then expect a
 * consumer to have them: on a PostgreSQL server shared with other work the watermark can lag (see
 * above); on PGlite it is immediate.
 */
export async function waitForEventWatermark(db: DbOrTx, opts: { timeoutMs?: number } = {}): Promise<boolean> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    const [r] = rowsOf<{ past: boolean }>(
      await db.execute(sql`
        select coalesce(max(tx_id), 0) < pg_snapshot_xmin(pg_current_snapshot())::text::bigint as past from events`),
    );
    if (r?.past) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
