import "server-only";
import { requireRole, type Ctx } from "@/lib/context";
import { tradeGold } from "./trade";
import type { GoldTradeResult } from "./internal/trade-core";

/** Sells gold at a valid quote, by grams or by rupiah; never more than held (InsufficientFunds). */
export async function sellGold({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldTradeResult> {
  requireRole(ctx, "lender");
  return tradeGold({ ctx, input: { side: "sell", order: input } });
}
