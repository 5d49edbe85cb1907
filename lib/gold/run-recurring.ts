import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { goldRecurringPlans, goldRecurringRuns, type GoldRecurringPlan } from "@/db/schema";
import type { Tx } from "@/db";
import { now } from "@/lib/clock";
import { dbOf, requireSystemOrAdmin, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { InsufficientFunds, parseInput } from "@/lib/errors";
import { isKycApproved } from "@/lib/kyc";
import { idr } from "@/lib/money/params";
import { notify } from "@/lib/notifications";
import { getLatestPrice, priceAtOrBefore } from "./internal/prices";
import { readGoldSettings } from "./internal/settings";
import { nextRunAfter } from "./schedule";
import { RunRecurringBuysInput } from "./schemas";
import { executeGoldTrade } from "./internal/trade-core";
import { computeTrade } from "./trade-math";

export type RecurringSummary = { plans: number; bought: number; skipped: number };

/** Upper bound of runs one plan catches up in one call (a daily plan: more than a year). */
const MAX_RUNS_PER_PLAN = 400;

/** How far before its scheduled time a stored price may be for a catch-up run to use it. */
export const CATCH_UP_PRICE_WINDOW_MS = 3_600_000;

/**
 * The recurring-buy run (job gold.recurring-buys, hourly; the time machine enqueues it too). Selects
 * the due plans in one query, then runs each missed scheduled time in order, one transaction per run
 * holding the plan's row lock: a clock jump of 35 days gives a daily plan 35 buys. Each run buys the
 * plan's amount in rupiah (no quote) through the same trade core as a manual buy, at the price of its
 * scheduled time (priceForRun), with the idempotency key recurring:<planId>:<scheduledFor>, and
 * records a gold_recurring_runs row (unique per plan and time). Too little cash, or KYC no longer approved, records a skipped run,
 * notifies the user and moves on to the next time.
 */
export async function runRecurringBuys({ ctx, input }: { ctx: Ctx; input?: unknown }): Promise<RecurringSummary> {
  requireSystemOrAdmin(ctx);
  const { upTo } = parseInput(RunRecurringBuysInput, input ?? {});
  const until = upTo ?? now();
  const { tx: _outer, ...base } = ctx;
  const due = await dbOf(ctx)
    .select({ id: goldRecurringPlans.id })
    .from(goldRecurringPlans)
    .where(and(eq(goldRecurringPlans.active, true), isNull(goldRecurringPlans.deletedAt), lte(goldRecurringPlans.nextRunAt, until)))
    .orderBy(asc(goldRecurringPlans.nextRunAt));
  const summary: RecurringSummary = { plans: due.length, bought: 0, skipped: 0 };
  for (const { id } of due) {
    for (let i = 0; i < MAX_RUNS_PER_PLAN; i++) {
      const outcome = await withTransaction(ctx.tx ? ctx : base, (tx) => runOnce(tx, id, until, ctx));
      if (outcome === "none") break;
      summary[outcome] += 1;
    }
  }
  return summary;
}

async function runOnce(tx: Tx, planId: string, until: Date, ctx: Ctx): Promise<"bought" | "skipped" | "none"> {
  const [plan] = await tx.select().from(goldRecurringPlans).where(eq(goldRecurringPlans.id, planId)).for("update").limit(1);
  if (!plan || !plan.active || plan.deletedAt || plan.nextRunAt.getTime() > until.getTime()) return "none";
  const scheduledFor = plan.nextRunAt;
  const [already] = await tx
    .select({ id: goldRecurringRuns.id })
    .from(goldRecurringRuns)
    .where(and(eq(goldRecurringRuns.planId, plan.id), eq(goldRecurringRuns.scheduledFor, scheduledFor)))
    .limit(1);
  let outcome: "bought" | "skipped" = "skipped";
  if (!already) {
    const result = await buyForPlan(tx, plan, scheduledFor, ctx);
    outcome = result.outcome;
    await tx
      .insert(goldRecurringRuns)
      .values({ planId: plan.id, scheduledFor, outcome, reason: result.reason, tradeId: result.tradeId, createdAt: now() })
      .onConflictDoNothing();
  }
  await tx
    .update(goldRecurringPlans)
    .set({ nextRunAt: nextRunAfter(plan, scheduledFor), lastRunAt: scheduledFor, updatedAt: now() })
    .where(eq(goldRecurringPlans.id, plan.id));
  return already ? "none" : outcome;
}

async function buyForPlan(tx: Tx, plan: GoldRecurringPlan, scheduledFor: Date, ctx: Ctx) {
  const skip = async (reason: "insufficient_cash" | "kyc_required") => {
    await notify(tx, {
      userId: plan.userId,
      kind: "gold_recurring_buy_skipped",
      params: { amount: idr(plan.amount) },
      link: "/lender/gold",
    });
    await track(tx, {
      name: "gold_recurring_buy_skipped",
      userId: plan.userId,
      properties: { planId: plan.id, scheduledFor, amount: plan.amount, reason },
      context: ctx.request,
    });
    return { outcome: "skipped" as const, reason, tradeId: null };
  };
  if (!(await isKycApproved(tx, plan.userId))) return skip("kyc_required");
  const price = await priceForRun(tx, scheduledFor);
  const amounts = computeTrade("buy", "rupiah", plan.amount, price.buyPerGram);
  try {
    const { trade } = await executeGoldTrade(tx, {
      userId: plan.userId,
      amounts,
      quoteId: null,
      source: "recurring",
      recurringPlanId: plan.id,
      idempotencyKey: `recurring:${plan.id}:${scheduledFor.toISOString()}`,
      pricedAt: price.at,
    });
    return { outcome: "bought" as const, reason: null, tradeId: trade.id };
  } catch (e) {
    if (e instanceof InsufficientFunds) return skip("insufficient_cash");
    throw e;
  }
}

/**
 * The price a run buys at. A run on time (its scheduled time is within the price staleness window of
 * now) buys at the current price. A catch-up run (after downtime or a clock jump) buys at the stored
 * price at or just before its scheduled time, if that price is at most an hour older than the
 * scheduled time, so 35 missed days buy at 35 days' prices rather than all at today's; with no such
 * price it falls back to the current price.
 */
async function priceForRun(tx: Tx, scheduledFor: Date) {
  const settings = await readGoldSettings(tx);
  if (now().getTime() - scheduledFor.getTime() > settings.staleAfterSeconds * 1000) {
    const stored = await priceAtOrBefore(tx, scheduledFor);
    if (stored && scheduledFor.getTime() - stored.at.getTime() <= CATCH_UP_PRICE_WINDOW_MS) return stored;
  }
  return getLatestPrice(tx);
}
