import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { goldRecurringPlans, type GoldRecurringPlan } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { LimitExceeded, NotFound, parseInput } from "@/lib/errors";
import { assertKycApproved } from "@/lib/kyc";
import { GoldPlanIdInput, GoldRecurringPlanInput, PauseGoldRecurringPlanInput, UpdateGoldRecurringPlanInput } from "./schemas";
import { nextRunAfter } from "./schedule";

/**
 * Recurring buys: an amount of rupiah daily, weekly or monthly at an hour (Asia/Jakarta). The job
 * gold.recurring-buys (run-recurring.ts) buys at the price of the moment, without a quote. At most 10
 * plans per user. Pausing keeps the plan; resuming schedules the next run from now (missed runs while
 * paused are not caught up).
 */
export const MAX_PLANS_PER_USER = 10;

function scheduleOf(d: { frequency: GoldRecurringPlan["frequency"]; hour: number; dayOfWeek?: number | null; dayOfMonth?: number | null }) {
  return {
    frequency: d.frequency,
    hour: d.hour,
    dayOfWeek: d.frequency === "weekly" ? (d.dayOfWeek ?? null) : null,
    dayOfMonth: d.frequency === "monthly" ? (d.dayOfMonth ?? null) : null,
  };
}

async function ownPlan(ctx: Ctx & { tx: NonNullable<Ctx["tx"]> }, userId: string, planId: string): Promise<GoldRecurringPlan> {
  const [plan] = await ctx.tx
    .select()
    .from(goldRecurringPlans)
    .where(and(eq(goldRecurringPlans.id, planId), eq(goldRecurringPlans.userId, userId), isNull(goldRecurringPlans.deletedAt)))
    .for("update")
    .limit(1);
  if (!plan) throw new NotFound("The plan");
  return plan;
}

export async function listRecurringPlans({ ctx }: { ctx: Ctx }): Promise<GoldRecurringPlan[]> {
  const actor = requireRole(ctx, "lender");
  return dbOf(ctx).select().from(goldRecurringPlans).where(and(eq(goldRecurringPlans.userId, actor.userId), isNull(goldRecurringPlans.deletedAt))).orderBy(asc(goldRecurringPlans.createdAt));
}

export async function createRecurringPlan({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldRecurringPlan> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(GoldRecurringPlanInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertKycApproved(tx, actor.userId);
    const mine = await tx
      .select({ id: goldRecurringPlans.id })
      .from(goldRecurringPlans)
      .where(and(eq(goldRecurringPlans.userId, actor.userId), isNull(goldRecurringPlans.deletedAt)));
    if (mine.length >= MAX_PLANS_PER_USER) throw new LimitExceeded("gold_plan_limit", `At most ${MAX_PLANS_PER_USER} recurring plans.`);
    const at = now();
    const schedule = scheduleOf(data);
    const [plan] = await tx
      .insert(goldRecurringPlans)
      .values({ userId: actor.userId, amount: data.amount, ...schedule, active: true, nextRunAt: nextRunAfter(schedule, at), createdAt: at, updatedAt: at })
      .returning();
    await track(tx, {
      name: "gold_recurring_buy_set",
      userId: actor.userId,
      properties: { planId: plan!.id, action: "created", amount: data.amount, ...schedule },
      context: ctx.request,
    });
    return plan!;
  });
}

export async function updateRecurringPlan({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldRecurringPlan> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(UpdateGoldRecurringPlanInput, input);
  return withTransaction(ctx, async (tx, c) => {
    await ownPlan(c, actor.userId, data.planId);
    const at = now();
    const schedule = scheduleOf(data);
    const [plan] = await tx
      .update(goldRecurringPlans)
      .set({ amount: data.amount, ...schedule, nextRunAt: nextRunAfter(schedule, at), updatedAt: at })
      .where(eq(goldRecurringPlans.id, data.planId))
      .returning();
    await track(tx, { name: "gold_recurring_buy_set", userId: actor.userId, properties: { planId: data.planId, action: "updated", amount: data.amount, ...schedule }, context: ctx.request });
    return plan!;
  });
}

export async function pauseRecurringPlan({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<GoldRecurringPlan> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(PauseGoldRecurringPlanInput, input);
  return withTransaction(ctx, async (tx, c) => {
    const plan = await ownPlan(c, actor.userId, data.planId);
    const at = now();
    const [updated] = await tx
      .update(goldRecurringPlans)
      .set({ active: !data.paused, nextRunAt: data.paused ? plan.nextRunAt : nextRunAfter(plan, at), updatedAt: at })
      .where(eq(goldRecurringPlans.id, plan.id))
      .returning();
    await track(tx, { name: "gold_recurring_buy_set", userId: actor.userId, properties: { planId: plan.id, action: data.paused ? "paused" : "resumed" }, context: ctx.request });
    return updated!;
  });
}

/** Deleting keeps the plan's row (its runs point at it): it becomes inactive and disappears from the list. */
export async function deleteRecurringPlan({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ planId: string }> {
  const actor = requireRole(ctx, "lender");
  const { planId } = parseInput(GoldPlanIdInput, input);
  return withTransaction(ctx, async (tx, c) => {
    await ownPlan(c, actor.userId, planId);
    const at = now();
    await tx.update(goldRecurringPlans).set({ active: false, deletedAt: at, updatedAt: at }).where(eq(goldRecurringPlans.id, planId));
    await track(tx, { name: "gold_recurring_buy_set", userId: actor.userId, properties: { planId, action: "deleted" }, context: ctx.request });
    return { planId };
  });
}
