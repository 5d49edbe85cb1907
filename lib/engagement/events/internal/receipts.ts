import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";

/**
 * Browser events' client-made ids (client_event_receipts) exist to store a retried batch once; a
 * browser retries within minutes, so receipts older than this are only weight.
 */
export const EVENT_RECEIPT_RETENTION_DAYS = 7;

/** One set-based delete of the receipts older than the retention (by the clock); returns how many. */
export async function pruneEventReceipts(db: DbOrTx): Promise<number> {
  const before = new Date(now().getTime() - EVENT_RECEIPT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const rows = rowsOf<{ n: number | string | bigint }>(
    await db.execute(sql`
      with gone as (delete from client_event_receipts where received_at < ${before.toISOString()}::timestamptz returning 1)
      select count(*) as n from gone`),
  );
  return Number(rows[0]?.n ?? 0);
}
