import "server-only";
import { eq } from "drizzle-orm";
import { autoPurchaseStrategies, type AutoPurchaseStrategy } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { parseInput } from "@/lib/errors";
import { KycRequired } from "@/lib/kyc";
import { RiskCheckRequired } from "@/lib/lending";
import { PowerOfAttorneyRequired } from "./power-of-attorney";
import { SetStrategyActiveInput } from "./schemas";
import { lockOwnStrategy, readEligibility } from "./internal/store";

/**
 * Turns a strategy on or off. On requires approved KYC (kyc_required), the passed risk check
 * (risk_check_required) and the current power of attorney (poa_required), checked in that order.
 * Off always works. Records auto_purchase_enabled / auto_purchase_disabled when the state changes.
 */
export async function setStrategyActive({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<AutoPurchaseStrategy> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(SetStrategyActiveInput, input);
  return withTransaction(ctx, async (tx) => {
    const strategy = await lockOwnStrategy(tx, actor.userId, data.strategyId);
    if (data.active) {
      const e = await readEligibility(tx, actor.userId);
      if (!e.kycApproved) throw new KycRequired();
      if (!e.riskCheckPassed) throw new RiskCheckRequired();
      if (!e.poaCurrent) throw new PowerOfAttorneyRequired();
    }
    if (strategy.active === data.active) return strategy;
    const [row] = await tx.update(autoPurchaseStrategies).set({ active: data.active, updatedAt: now() }).where(eq(autoPurchaseStrategies.id, strategy.id)).returning();
    await track(tx, {
      name: data.active ? "auto_purchase_enabled" : "auto_purchase_disabled",
      userId: actor.userId,
      properties: { strategyId: strategy.id, amountPerLoan: strategy.amountPerLoan, budget: strategy.budget, reinvest: strategy.reinvest },
      context: ctx.request,
    });
    return row!;
  });
}
