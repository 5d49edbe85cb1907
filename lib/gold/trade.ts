import "server-only";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { assertKycApproved } from "@/lib/kyc";
import { consumeQuote, QuoteExpired } from "./internal/quotes";
import { GoldTradeInput, type GoldTradeSide } from "./schemas";
import { executeGoldTrade, findTradeByKey, parseTradeAmount, replayOf, tradeAmountsOrFieldError, type GoldTradeResult } from "./internal/trade-core";

/**
 * Shared shell of buyGold and sellGold: lender role, approved KYC, the idempotency key (a replay
 * returns the first trade before the quote is looked at), the quote (used once, while valid), the
 * rounding (trade-math.ts) and the trade core, in one transaction.
 */
export async function tradeGold({ ctx, input }: { ctx: Ctx; input: { side: GoldTradeSide; order: unknown } }): Promise<GoldTradeResult> {
  const actor = requireRole(ctx, "lender");
  const { side } = input;
  const data = parseInput(GoldTradeInput, input.order);
  const amount = parseTradeAmount(data.mode, data.amount);
  return withTransaction(ctx, async (tx) => {
    await assertKycApproved(tx, actor.userId);
    const existing = await findTradeByKey(tx, actor.userId, data.idempotencyKey);
    if (existing) return replayOf(existing, side);
    let pricePerGram: bigint;
    try {
      pricePerGram = await consumeQuote(tx, { quoteId: data.quoteId, userId: actor.userId, side });
    } catch (e) {
      // A concurrent request with the same key may have used the quote and committed meanwhile.
      const raced = e instanceof QuoteExpired ? await findTradeByKey(tx, actor.userId, data.idempotencyKey) : undefined;
      if (raced) return replayOf(raced, side);
      throw e;
    }
    const amounts = tradeAmountsOrFieldError(side, data.mode, amount, pricePerGram);
    return executeGoldTrade(tx, {
      userId: actor.userId,
      amounts,
      quoteId: data.quoteId,
      source: "manual",
      idempotencyKey: data.idempotencyKey,
      request: ctx.request,
    });
  });
}
