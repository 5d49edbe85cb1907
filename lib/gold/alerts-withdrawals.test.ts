import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, goldPriceAlerts, notifications } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { key } from "@/lib/loans/test-helpers";
import { createTestUser } from "@/lib/testing/factories";
import {
  advanceGoldWithdrawal,
  cancelGoldWithdrawal,
  cancelMyGoldWithdrawal,
  createPriceAlert,
  deletePriceAlert,
  getCurrentGoldPrice,
  getGoldHoldings,
  getGoldInventory,
  getGoldTradeVolume,
  getWithdrawalOptions,
  listGoldWithdrawalQueue,
  listPriceAlerts,
  publishGoldPrice,
  requestGoldWithdrawal,
} from ".";
import { balanceOf, expectLedgerHealthy, goldLender, platformBalance, trade } from "./test-helpers";

beforeAll(() => setNow("2026-11-20T03:00:00Z"));

describe("price alerts", () => {
  it("fire once on a new price that crosses them, with a notification", async () => {
    const { ctx, user } = await goldLender(0n);
    const price = await getCurrentGoldPrice({ ctx });
    const hit = await createPriceAlert({ ctx, input: { kind: "buy_below", thresholdPerGram: String(price.buyPerGram * 2n) } });
    const miss = await createPriceAlert({ ctx, input: { kind: "sell_above", thresholdPerGram: String(price.sellPerGram * 2n) } });
    const sellHit = await createPriceAlert({ ctx, input: { kind: "sell_above", thresholdPerGram: "1000" } });
    const published = await getDb().transaction((tx) => publishGoldPrice(tx));
    const alerts = await listPriceAlerts({ ctx });
    const byId = new Map(alerts.map((a) => [a.id, a]));
    expect(byId.get(hit.id)).toMatchObject({ active: false, triggeredPricePerGram: published.buyPerGram });
    expect(byId.get(sellHit.id)).toMatchObject({ active: false, triggeredPricePerGram: published.sellPerGram });
    expect(byId.get(miss.id)!.active).toBe(true);
    const notes = await getDb().select().from(notifications).where(eq(notifications.userId, user.id));
    expect(notes.map((n) => n.kind).sort()).toEqual(["gold_price_alert_buy", "gold_price_alert_sell"]);
    // Typed figures, rendered in the reader's language where shown (lib/notifications/render.ts).
    for (const n of notes) expect(n.params).toMatchObject({ price: { type: "idr", value: expect.stringMatching(/^\d+$/) }, threshold: { type: "idr" } });
    // Once: another price does not fire them again.
    await getDb().transaction((tx) => publishGoldPrice(tx));
    expect(await getDb().select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(2);
    const set = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "gold_price_alert_set")));
    expect(set).toHaveLength(3);
  });

  it("belong to their owner and validate the threshold", async () => {
    const { ctx } = await goldLender(0n);
    const a = await createPriceAlert({ ctx, input: { kind: "buy_below", thresholdPerGram: "2000000" } });
    const other = await goldLender(0n);
    await expect(deletePriceAlert({ ctx: other.ctx, input: { alertId: a.id } })).rejects.toMatchObject({ status: 404 });
    await deletePriceAlert({ ctx, input: { alertId: a.id } });
    expect(await getDb().select().from(goldPriceAlerts).where(eq(goldPriceAlerts.id, a.id))).toHaveLength(0);
    await expect(createPriceAlert({ ctx, input: { kind: "buy_below", thresholdPerGram: "abc" } })).rejects.toMatchObject({ fields: { thresholdPerGram: "amountInvalid" } });
  });
});

describe("physical withdrawals", () => {
  it("shows fees and lead times up front", async () => {
    const { ctx } = await goldLender(0n);
    const options = await getWithdrawalOptions({ ctx });
    expect(options.map((o) => o.barGrams)).toEqual([1, 2, 5, 10, 25, 50, 100]);
    expect(options[0]).toEqual({ barGrams: 1, fee: 50_000n, leadTimeDays: 7 });
  });

  it("reserves the grams and takes the fee; cancel gives both back", async () => {
    const { ctx, user } = await goldLender(10_000_000n);
    await trade(ctx, "buy", "grams", "3");
    const w = await requestGoldWithdrawal({ ctx, input: { barGrams: 1, quantity: 2, address: "Jl. Merdeka 1, Bandung 40111", idempotencyKey: key() } });
    expect(w).toMatchObject({ units: 20_000n, fee: 100_000n, status: "requested" });
    expect(await balanceOf(user.id, "user_gold")).toBe(10_000n);
    expect(await balanceOf(user.id, "user_gold_reserved")).toBe(20_000n);
    const cashAfter = await balanceOf(user.id, "user_cash");
    const holdings = await getGoldHoldings({ ctx });
    expect(holdings.reservedUnits).toBe(20_000n);
    expect(holdings.value).toBe((30_000n * holdings.price.sellPerGram) / 10_000n);

    const admin = await createTestUser("admin");
    const queue = await listGoldWithdrawalQueue({ ctx: admin.ctx });
    expect(queue.items.map((i) => i.id)).toContain(w.id);
    await advanceGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, to: "printed" } });
    const cancelled = await cancelGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, reason: "Out of 1 g bars" } });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Out of 1 g bars" });
    expect(await balanceOf(user.id, "user_gold")).toBe(30_000n);
    expect(await balanceOf(user.id, "user_gold_reserved")).toBe(0n);
    expect(await balanceOf(user.id, "user_cash")).toBe(cashAfter + 100_000n);
    const kinds = (await getDb().select().from(notifications).where(eq(notifications.userId, user.id))).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["gold_withdrawal_printed", "gold_withdrawal_cancelled"]));
    await expectLedgerHealthy();
  });

  it("the lender cancels their own request while still requested: grams and fee back, event and notification", async () => {
    const { ctx, user } = await goldLender(30_000_000n);
    await trade(ctx, "buy", "grams", "6");
    const cashBefore = await balanceOf(user.id, "user_cash");
    const w = await requestGoldWithdrawal({ ctx, input: { barGrams: 5, quantity: 1, address: "Jl. Merdeka 1, Bandung 40111", idempotencyKey: key() } });
    expect(await balanceOf(user.id, "user_cash")).toBe(cashBefore - 75_000n);
    const other = await goldLender(0n);
    await expect(cancelMyGoldWithdrawal({ ctx: other.ctx, input: { withdrawalId: w.id } })).rejects.toMatchObject({ status: 404 });
    const cancelled = await cancelMyGoldWithdrawal({ ctx, input: { withdrawalId: w.id } });
    expect(cancelled.status).toBe("cancelled");
    expect(await balanceOf(user.id, "user_gold")).toBe(60_000n);
    expect(await balanceOf(user.id, "user_gold_reserved")).toBe(0n);
    expect(await balanceOf(user.id, "user_cash")).toBe(cashBefore);
    // A double click changes nothing.
    expect((await cancelMyGoldWithdrawal({ ctx, input: { withdrawalId: w.id } })).status).toBe("cancelled");
    expect(await balanceOf(user.id, "user_cash")).toBe(cashBefore);
    const notes = await getDb().select().from(notifications).where(eq(notifications.userId, user.id));
    expect(notes.map((n) => n.kind)).toEqual(["gold_withdrawal_cancelled_by_you"]);
    expect(notes[0]!.params).toMatchObject({ grams: { type: "gold", value: expect.stringMatching(/^\d+0000$/) } });
    const evs = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "gold_withdrawal_status_changed")));
    expect(evs).toHaveLength(1);
    expect(evs[0]!.properties).toMatchObject({ withdrawalId: w.id, from: "requested", to: "cancelled", actorRole: "user" });

    // Once printed, only an admin can cancel.
    const w2 = await requestGoldWithdrawal({ ctx, input: { barGrams: 1, quantity: 1, address: "Jl. Merdeka 1, Bandung 40111", idempotencyKey: key() } });
    const admin = await createTestUser("admin");
    await advanceGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w2.id, to: "printed" } });
    await expect(cancelMyGoldWithdrawal({ ctx, input: { withdrawalId: w2.id } })).rejects.toMatchObject({ code: "gold_withdrawal_status" });
    await expect(cancelMyGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w2.id } })).rejects.toMatchObject({ status: 403 });
    await expect(cancelMyGoldWithdrawal({ ctx, input: { withdrawalId: "nope" } })).rejects.toMatchObject({ fields: { withdrawalId: "notFound" } });
    await expectLedgerHealthy();
  });

  it("delivers: printed → shipped → delivered moves the reserved grams out to the platform side", async () => {
    const { ctx, user } = await goldLender(10_000_000n);
    await trade(ctx, "buy", "grams", "2");
    const k = key();
    const w = await requestGoldWithdrawal({ ctx, input: { barGrams: 2, quantity: 1, address: "Jl. Sudirman 5, Jakarta 10220", idempotencyKey: k } });
    const again = await requestGoldWithdrawal({ ctx, input: { barGrams: 2, quantity: 1, address: "Jl. Sudirman 5, Jakarta 10220", idempotencyKey: k } });
    expect(again.id).toBe(w.id);
    expect(await balanceOf(user.id, "user_gold_reserved")).toBe(20_000n);
    const admin = await createTestUser("admin");
    const invBefore = await platformBalance("gold_inventory");
    await expect(advanceGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, to: "shipped" } })).rejects.toMatchObject({ code: "gold_withdrawal_status" });
    for (const to of ["printed", "shipped", "delivered"] as const) await advanceGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, to } });
    expect(await balanceOf(user.id, "user_gold_reserved")).toBe(0n);
    expect(await balanceOf(user.id, "user_gold")).toBe(0n);
    expect(await platformBalance("gold_inventory")).toBe(invBefore + 20_000n);
    await expect(cancelGoldWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, reason: "too late" } })).rejects.toMatchObject({ code: "gold_withdrawal_status" });
    const inv = await getGoldInventory({ ctx: admin.ctx });
    expect(inv.inventoryBalance).toBe(-(inv.userUnits + inv.reservedUnits));
    expect(inv.netUnits).toBe(inv.userUnits + inv.reservedUnits);
    const volume = await getGoldTradeVolume({ ctx: admin.ctx, input: { days: 7 } });
    expect(volume[0]!.buyCount).toBeGreaterThan(0);
    const h = await getGoldHoldings({ ctx });
    expect(h).toMatchObject({ units: 0n, reservedUnits: 0n, costBasis: 0n, averageBuyPerGram: null });
    await expectLedgerHealthy();
  });

  it("refuses without the gold, with a bad bar size, and for other roles", async () => {
    const { ctx } = await goldLender(1_000_000n);
    await expect(requestGoldWithdrawal({ ctx, input: { barGrams: 1, quantity: 1, address: "Jl. Merdeka 1, Bandung", idempotencyKey: key() } })).rejects.toMatchObject({
      code: "insufficient_funds",
      details: { asset: "XAU" },
    });
    await expect(requestGoldWithdrawal({ ctx, input: { barGrams: 3, quantity: 1, address: "Jl. Merdeka 1, Bandung", idempotencyKey: key() } })).rejects.toMatchObject({ fields: { barGrams: "barInvalid" } });
    await expect(advanceGoldWithdrawal({ ctx, input: { withdrawalId: crypto.randomUUID(), to: "printed" } })).rejects.toMatchObject({ status: 403 });
    await expect(getGoldInventory({ ctx })).rejects.toMatchObject({ status: 403 });
    await expectLedgerHealthy();
  });
});
