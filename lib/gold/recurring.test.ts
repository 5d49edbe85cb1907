import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, goldPrices, goldRecurringRuns, goldTrades, notifications } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { createTestUser } from "@/lib/testing/factories";
import { createRecurringPlan, deleteRecurringPlan, getLatestPrice, listRecurringPlans, pauseRecurringPlan, runRecurringBuys, updateRecurringPlan } from ".";
import { balanceOf, expectLedgerHealthy, goldLender } from "./test-helpers";

const DAY = 86_400_000;
const start = new Date("2026-11-01T00:30:00Z"); // 07:30 WIB
const system = systemCtx("test");

async function runsOf(planId: string) {
  return getDb().select().from(goldRecurringRuns).where(eq(goldRecurringRuns.planId, planId));
}

describe("recurring gold buys across a 35-day clock jump", () => {
  beforeAll(() => setNow(start));

  it("buys once per scheduled time: daily ≈ 35, monthly 1–2; a second run does nothing", async () => {
    setNow(start);
    const { ctx, user } = await goldLender(10_000_000n);
    const daily = await createRecurringPlan({ ctx, input: { amount: "20000", frequency: "daily", hour: 8 } });
    const monthly = await createRecurringPlan({ ctx, input: { amount: "100000", frequency: "monthly", hour: 9, dayOfMonth: 15 } });
    expect(daily.nextRunAt.toISOString()).toBe("2026-11-01T01:00:00.000Z");
    // Stored prices 10 minutes before each of the first 20 daily runs (08:00 WIB = 01:00Z), each distinct;
    // the later 15 runs find none within an hour and buy at the current price.
    const firstRun = Date.parse("2026-11-01T01:00:00Z");
    const storedBuy = (i: number) => 2_300_000n + BigInt(i) * 1_000n;
    await getDb()
      .insert(goldPrices)
      .values(Array.from({ length: 20 }, (_, i) => ({ at: new Date(firstRun + i * DAY - 600_000), source: "test", midPerGram: storedBuy(i) - 30_000n, buyPerGram: storedBuy(i), sellPerGram: storedBuy(i) - 60_000n })));
    setNow(new Date(start.getTime() + 35 * DAY));
    const summary = await runRecurringBuys({ ctx: system });
    expect((await runsOf(daily.id)).filter((r) => r.outcome === "bought")).toHaveLength(35);
    const monthlyRuns = await runsOf(monthly.id);
    expect(monthlyRuns.length).toBeGreaterThanOrEqual(1);
    expect(monthlyRuns.length).toBeLessThanOrEqual(2);
    expect(summary.bought).toBe(35 + monthlyRuns.length);
    const trades = await getDb().select().from(goldTrades).where(eq(goldTrades.userId, user.id));
    expect(trades.every((t) => t.source === "recurring")).toBe(true);
    const dailyRuns = (await runsOf(daily.id)).sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
    const priceOfRun = (r: (typeof dailyRuns)[number]) => trades.find((t) => t.id === r.tradeId)!.pricePerGram;
    expect(dailyRuns.slice(0, 20).map(priceOfRun)).toEqual(Array.from({ length: 20 }, (_, i) => storedBuy(i)));
    const current = await getDb().transaction((tx) => getLatestPrice(tx));
    expect(dailyRuns.slice(20).every((r) => priceOfRun(r) === current.buyPerGram)).toBe(true);
    expect(await balanceOf(user.id, "user_gold")).toBe(trades.reduce((s, t) => s + t.units, 0n));
    expect(await balanceOf(user.id, "user_cash")).toBe(10_000_000n - 35n * 20_000n - BigInt(monthlyRuns.length) * 100_000n);

    const again = await runRecurringBuys({ ctx: system });
    expect(again.bought).toBe(0);
    expect(await runsOf(daily.id)).toHaveLength(35);
    const [plan] = (await listRecurringPlans({ ctx })).filter((p) => p.id === daily.id);
    expect(plan!.nextRunAt.getTime()).toBeGreaterThan(Date.parse("2026-12-06T00:30:00Z"));
    await expectLedgerHealthy();
  });

  it("skips a run when cash runs out, records it and notifies", async () => {
    setNow(start);
    const { ctx, user } = await goldLender(50_000n);
    const plan = await createRecurringPlan({ ctx, input: { amount: "20000", frequency: "daily", hour: 8 } });
    setNow(new Date(start.getTime() + 4 * DAY));
    await runRecurringBuys({ ctx: system });
    const runs = await runsOf(plan.id);
    expect(runs.filter((r) => r.outcome === "bought")).toHaveLength(2);
    expect(runs.filter((r) => r.outcome === "skipped")).toHaveLength(2);
    expect(runs.find((r) => r.outcome === "skipped")!.reason).toBe("insufficient_cash");
    const notes = await getDb().select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.kind, "gold_recurring_buy_skipped")));
    expect(notes).toHaveLength(2);
    expect(notes[0]!.params).toMatchObject({ amount: { type: "idr", value: expect.stringMatching(/^\d+$/) } });
    const evs = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "gold_recurring_buy_skipped")));
    expect(evs).toHaveLength(2);
    expect(await balanceOf(user.id, "user_cash")).toBe(10_000n);
    await expectLedgerHealthy();
  });

  it("paused and deleted plans do not run; plans are the owner's", async () => {
    setNow(start);
    const { ctx } = await goldLender(1_000_000n);
    const p1 = await createRecurringPlan({ ctx, input: { amount: "20000", frequency: "weekly", hour: 8, dayOfWeek: 3 } });
    const p2 = await createRecurringPlan({ ctx, input: { amount: "20000", frequency: "daily", hour: 8 } });
    await pauseRecurringPlan({ ctx, input: { planId: p1.id, paused: true } });
    await deleteRecurringPlan({ ctx, input: { planId: p2.id } });
    setNow(new Date(start.getTime() + 10 * DAY));
    await runRecurringBuys({ ctx: system });
    expect(await runsOf(p1.id)).toHaveLength(0);
    expect(await runsOf(p2.id)).toHaveLength(0);
    expect((await listRecurringPlans({ ctx })).map((p) => p.id)).toEqual([p1.id]);
    const resumed = await pauseRecurringPlan({ ctx, input: { planId: p1.id, paused: false } });
    expect(resumed.active).toBe(true);
    expect(resumed.nextRunAt.getTime()).toBeGreaterThan(start.getTime() + 10 * DAY);
    const updated = await updateRecurringPlan({ ctx, input: { planId: p1.id, amount: "30000", frequency: "monthly", hour: 7, dayOfMonth: 2 } });
    expect(updated.amount).toBe(30_000n);
    const other = await goldLender(0n);
    await expect(pauseRecurringPlan({ ctx: other.ctx, input: { planId: p1.id, paused: true } })).rejects.toMatchObject({ status: 404 });
    await expect(createRecurringPlan({ ctx, input: { amount: "5000", frequency: "daily", hour: 8 } })).rejects.toMatchObject({ fields: { amount: "amountTooSmall" } });
    await expect(createRecurringPlan({ ctx, input: { amount: "20000", frequency: "weekly", hour: 8 } })).rejects.toMatchObject({ fields: { dayOfWeek: "dayOfWeekInvalid" } });
  });

  it("an edit changes amount and schedule and recomputes the next run; another user's plan is not found", async () => {
    setNow(start); // 2026-11-01 07:30 WIB, a Sunday
    const { ctx } = await goldLender(1_000_000n);
    const plan = await createRecurringPlan({ ctx, input: { amount: "20000", frequency: "daily", hour: 8 } });
    expect(plan.nextRunAt.toISOString()).toBe("2026-11-01T01:00:00.000Z");
    const weekly = await updateRecurringPlan({ ctx, input: { planId: plan.id, amount: "50000", frequency: "weekly", hour: 10, dayOfWeek: 3 } });
    expect(weekly).toMatchObject({ amount: 50_000n, frequency: "weekly", hour: 10, dayOfWeek: 3, dayOfMonth: null });
    expect(weekly.nextRunAt.toISOString()).toBe("2026-11-04T03:00:00.000Z"); // Wednesday 10:00 WIB
    const monthly = await updateRecurringPlan({ ctx, input: { planId: plan.id, amount: "75000", frequency: "monthly", hour: 6, dayOfMonth: 1 } });
    expect(monthly).toMatchObject({ amount: 75_000n, frequency: "monthly", dayOfWeek: null, dayOfMonth: 1 });
    expect(monthly.nextRunAt.toISOString()).toBe("2026-11-30T23:00:00.000Z"); // 1 Dec 06:00 WIB: today's 06:00 has passed
    const evs = await getDb().select().from(events).where(and(eq(events.userId, monthly.userId), eq(events.name, "gold_recurring_buy_set")));
    expect(evs.filter((e) => (e.properties as { action?: string }).action === "updated")).toHaveLength(2);
    const other = await goldLender(0n);
    await expect(updateRecurringPlan({ ctx: other.ctx, input: { planId: plan.id, amount: "20000", frequency: "daily", hour: 8 } })).rejects.toMatchObject({ status: 404 });
    await expect(updateRecurringPlan({ ctx, input: { planId: plan.id, amount: "20000", frequency: "monthly", hour: 8 } })).rejects.toMatchObject({ fields: { dayOfMonth: expect.any(String) } });
  });

  it("needs a lender with approved KYC; the runner needs the system or an admin", async () => {
    const { ctx } = await createTestUser("lender");
    await expect(createRecurringPlan({ ctx, input: { amount: "20000", frequency: "daily", hour: 8 } })).rejects.toMatchObject({ code: "kyc_required" });
    const borrower = await createTestUser("borrower");
    await expect(listRecurringPlans({ ctx: borrower.ctx })).rejects.toMatchObject({ status: 403 });
    await expect(runRecurringBuys({ ctx })).rejects.toMatchObject({ status: 403 });
  });
});
