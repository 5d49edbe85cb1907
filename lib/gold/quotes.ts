import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { goldQuotes } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { Conflict, parseInput } from "@/lib/errors";
import { getLatestPrice } from "./prices";
import { RequestGoldQuoteInput, type GoldTradeSide } from "./schemas";
import { readGoldSettings } from "./settings";

export type GoldQuote = { quoteId: string; side: GoldTradeSide; pricePerGram: bigint; expiresAt: Date; createdAt: Date; ttlSeconds: number };

/**
 * A price promised to the user for a short time (settings: 30 s): the buy price for a buy, the sell
 * price for a sale. The dialog shows the countdown and asks for a new quote when it runs out.
 * No KYC check here: looking at a price is free; the trade checks KYC.
 */
export async function requestGoldQuote({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldQuote> {
  const actor = requireRole(ctx, "lender");
  const { side } = parseInput(RequestGoldQuoteInput, input);
  return withTransaction(ctx, async (tx) => {
    const price = await getLatestPrice(tx);
    const settings = await readGoldSettings(tx);
    const createdAt = now();
    const expiresAt = new Date(createdAt.getTime() + settings.quoteTtlSeconds * 1000);
    const pricePerGram = side === "buy" ? price.buyPerGram : price.sellPerGram;
    const [q] = await tx.insert(goldQuotes).values({ userId: actor.userId, side, priceId: price.id, pricePerGram, createdAt, expiresAt }).returning();
    return { quoteId: q!.id, side, pricePerGram, expiresAt, createdAt, ttlSeconds: settings.quoteTtlSeconds };
  });
}

/** Pure: is a quote still usable at `at`? (expiry is exclusive: at expiresAt it is gone). */
export function isQuoteValid(q: { expiresAt: Date; usedAt: Date | null }, at: Date): boolean {
  return q.usedAt === null && at.getTime() < q.expiresAt.getTime();
}

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
