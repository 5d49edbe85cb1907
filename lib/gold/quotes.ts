import "server-only";
import { goldQuotes } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { getLatestPrice } from "./internal/prices";
import { RequestGoldQuoteInput, type GoldTradeSide } from "./schemas";
import { readGoldSettings } from "./internal/settings";

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
