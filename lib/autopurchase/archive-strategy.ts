import "server-only";
import { eq } from "drizzle-orm";
import { autoPurchaseStrategies } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { parseInput } from "@/lib/errors";
import { StrategyIdInput } from "./schemas";
import { lockOwnStrategy } from "./internal/store";

/**
 * Deletes a strategy for the lender: it is archived (and switched off), not removed, because its
 * decisions and the investments it bought keep pointing at it.
 */
export async function archiveStrategy({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ strategyId: string }> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(StrategyIdInput, input);
  return withTransaction(ctx, async (tx) => {
    const strategy = await lockOwnStrategy(tx, actor.userId, data.strategyId);
    const at = now();
    await tx.update(autoPurchaseStrategies).set({ archivedAt: at, active: false, updatedAt: at }).where(eq(autoPurchaseStrategies.id, strategy.id));
    if (strategy.active) await track(tx, { name: "auto_purchase_disabled", userId: actor.userId, properties: { strategyId: strategy.id, archived: true }, context: ctx.request });
    await track(tx, { name: "auto_purchase_strategy_archived", userId: actor.userId, properties: { strategyId: strategy.id }, context: ctx.request });
    return { strategyId: strategy.id };
  });
}
