import "server-only";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { getLatestPrice, toPriceView, type GoldPriceView } from "./internal/prices";

/** Query for the gold page and the admin: today's buy and sell prices with the spread and 7-day change. */
export async function getCurrentGoldPrice({ ctx }: { ctx: Ctx }): Promise<GoldPriceView> {
  requireRole(ctx, "lender", "admin");
  return withTransaction(ctx, async (tx) => toPriceView(tx, await getLatestPrice(tx)));
}
