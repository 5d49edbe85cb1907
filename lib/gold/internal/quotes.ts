import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { goldQuotes } from "@/db/schema";
import { now } from "@/lib/clock";
import { Conflict } from "@/lib/errors";
import { type GoldTradeSide } from "../schemas";

export class QuoteExpired extends Conflict {
  constructor() {
    super("quote_expired", "This price has expired. Please get a new quote.");
  }
}

/**
 * Uses a quote once: one conditional UPDATE (the user's, this side, unused, not expired) marks it
 * used, so two trades racing on one quote cannot both get it. Anything else is quote_expired (the UI
 * asks for a new quote; a foreign or unknown id looks the same, revealing nothing).
 */
export async function consumeQuote(tx: DbOrTx, { quoteId, userId, side }: { quoteId: string; userId: string; side: GoldTradeSide }): Promise<bigint> {
  const at = now();
  const [q] = await tx
    .update(goldQuotes)
    .set({ usedAt: at })
    .where(
      and(
        eq(goldQuotes.id, quoteId),
        eq(goldQuotes.userId, userId),
        eq(goldQuotes.side, side),
        isNull(goldQuotes.usedAt),
        gt(goldQuotes.expiresAt, sql`${at.toISOString()}::timestamptz`),
      ),
    )
    .returning({ pricePerGram: goldQuotes.pricePerGram });
  if (!q) throw new QuoteExpired();
  return q.pricePerGram;
}

/**
 * Housekeeping for the publish job: unused quotes an hour past their expiry are of no use to anyone
 * (used ones stay: trades point at them).
 */
export async function pruneExpiredQuotes(tx: DbOrTx): Promise<number> {
  const cutoff = new Date(now().getTime() - 3_600_000);
  const rows = await tx
    .delete(goldQuotes)
    .where(and(isNull(goldQuotes.usedAt), lt(goldQuotes.expiresAt, sql`${cutoff.toISOString()}::timestamptz`)))
    .returning({ id: goldQuotes.id });
  return rows.length;
}
