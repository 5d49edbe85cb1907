import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { goldPriceAlerts, type GoldPriceAlert } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { LimitExceeded, NotFound, parseInput } from "@/lib/errors";
import { GoldAlertIdInput, GoldPriceAlertInput } from "./schemas";

/**
 * Price alerts: "tell me when the buy price falls to or below X" / "the sell price rises to or above
 * X". Checked on every published price (alerts-check.ts); an alert fires once and then stays in the
 * list as triggered. An alert whose condition already holds fires with the next price (within a
 * minute). At most 20 active alerts per user.
 */
export const MAX_ACTIVE_ALERTS = 20;

export async function listPriceAlerts({ ctx }: { ctx: Ctx }): Promise<GoldPriceAlert[]> {
  const actor = requireRole(ctx, "lender");
  return dbOf(ctx)
    .select()
    .from(goldPriceAlerts)
    .where(eq(goldPriceAlerts.userId, actor.userId))
    .orderBy(desc(goldPriceAlerts.active), desc(goldPriceAlerts.createdAt))
    .limit(100);
}

export async function createPriceAlert({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldPriceAlert> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(GoldPriceAlertInput, input);
  return withTransaction(ctx, async (tx) => {
    const [active] = await tx
      .select({ n: count() })
      .from(goldPriceAlerts)
      .where(and(eq(goldPriceAlerts.userId, actor.userId), eq(goldPriceAlerts.active, true)));
    if ((active?.n ?? 0) >= MAX_ACTIVE_ALERTS) throw new LimitExceeded("gold_alert_limit", `At most ${MAX_ACTIVE_ALERTS} active price alerts.`);
    const [alert] = await tx
      .insert(goldPriceAlerts)
      .values({ userId: actor.userId, kind: data.kind, thresholdPerGram: data.thresholdPerGram, createdAt: now() })
      .returning();
    await track(tx, {
      name: "gold_price_alert_set",
      userId: actor.userId,
      properties: { alertId: alert!.id, kind: data.kind, thresholdPerGram: data.thresholdPerGram },
      context: ctx.request,
    });
    return alert!;
  });
}

export async function deletePriceAlert({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ alertId: string }> {
  const actor = requireRole(ctx, "lender");
  const { alertId } = parseInput(GoldAlertIdInput, input);
  return withTransaction(ctx, async (tx) => {
    const deleted = await tx
      .delete(goldPriceAlerts)
      .where(and(eq(goldPriceAlerts.id, alertId), eq(goldPriceAlerts.userId, actor.userId)))
      .returning({ id: goldPriceAlerts.id });
    if (deleted.length === 0) throw new NotFound("The alert");
    return { alertId };
  });
}
