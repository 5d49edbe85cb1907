import "server-only";
import { autoPurchaseStrategies, type AutoPurchaseStrategy } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { parseInput } from "@/lib/errors";
import { StrategyInput } from "./schemas";
import { checkStrategyAgainstProducts, ensureAutoPurchaseLender, nextPriority, strategyColumns } from "./internal/store";

/** A new strategy, paused, in last place. Turning it on is setStrategyActive (POA, KYC, risk check). */
export async function createStrategy({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<AutoPurchaseStrategy> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(StrategyInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkStrategyAgainstProducts(tx, data);
    await ensureAutoPurchaseLender(tx, actor.userId);
    const at = now();
    const [row] = await tx
      .insert(autoPurchaseStrategies)
      .values({ lenderId: actor.userId, ...strategyColumns(data), active: false, priority: await nextPriority(tx, actor.userId), createdAt: at, updatedAt: at })
      .returning();
    await track(tx, { name: "auto_purchase_strategy_created", userId: actor.userId, properties: { strategyId: row!.id, amountPerLoan: data.amountPerLoan, budget: data.budget, reinvest: data.reinvest }, context: ctx.request });
    return row!;
  });
}
