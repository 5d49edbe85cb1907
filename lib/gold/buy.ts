import "server-only";
import { requireRole, type Ctx } from "@/lib/context";
import { tradeGold } from "./trade";
import type { GoldTradeResult } from "./internal/trade-core";

/** Buys gold at a valid quote, by rupiah (≥ Rp10.000) or by grams. See trade-math.ts for rounding. */
export async function buyGold({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldTradeResult> {
  requireRole(ctx, "lender");
  return tradeGold({ ctx, input: { side: "buy", order: input } });
}
