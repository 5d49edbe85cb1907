import "server-only";
import { eq } from "drizzle-orm";
import { autoPurchaseStrategies, type AutoPurchaseStrategy } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { parseInput } from "@/lib/errors";
import { UpdateStrategyInput } from "./schemas";
import { checkStrategyAgainstProducts, lockOwnStrategy, strategyColumns } from "./internal/store";

/** Edits a strategy's rules; its on/off state and priority stay. Past decisions keep what they were. */
export async function updateStrategy({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<AutoPurchaseStrategy> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(UpdateStrategyInput, input);
  return withTransaction(ctx, async (tx) => {
    await lockOwnStrategy(tx, actor.userId, data.strategyId);
    await checkStrategyAgainstProducts(tx, data.strategy);
    const [row] = await tx
      .update(autoPurchaseStrategies)
      .set({ ...strategyColumns(data.strategy), updatedAt: now() })
      .where(eq(autoPurchaseStrategies.id, data.strategyId))
      .returning();
    await track(tx, { name: "auto_purchase_strategy_updated", userId: actor.userId, properties: { strategyId: data.strategyId, amountPerLoan: data.strategy.amountPerLoan, budget: data.strategy.budget }, context: ctx.request });
    return row!;
  });
}
