import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, goldPrices, goldQuotes } from "@/db/schema";
import { publishGoldPriceHandler } from "@/lib/jobs/definitions/gold/publish-price.handler";
import { advanceNow, setNow } from "@/lib/clock";
import { key } from "@/lib/loans/test-helpers";
import { createTestUser } from "@/lib/testing/factories";
import { buyGold, getCurrentGoldPrice, getGoldHoldings, listGoldTrades, exportGoldTrades, requestGoldQuote, sellGold } from ".";
import { balanceOf, expectLedgerHealthy, goldLender, platformBalance, trade } from "./test-helpers";

beforeAll(() => {
  setNow("2026-11-20T03:00:00Z");
});

describe("gold prices and quotes", () => {
  it("always has a price, with buy above sell by the spread", async () => {
    const { ctx } = await goldLender(0n);
    const p = await getCurrentGoldPrice({ ctx });
    expect(p.buyPerGram).toBeGreaterThan(p.sellPerGram);
    expect(p.spreadBps).toBeGreaterThanOrEqual(299);
    expect(p.midPerGram).toBeGreaterThan(2_000_000n);
    // A second read within 5 minutes reuses the stored price.
    const again = await getCurrentGoldPrice({ ctx });
    expect(again.priceId).toBe(p.priceId);
  });

  it("quotes the buy price for buys and the sell price for sales, valid 30 s", async () => {
    const { ctx } = await goldLender(0n);
    const p = await getCurrentGoldPrice({ ctx });
    const qb = await requestGoldQuote({ ctx, input: { side: "buy" } });
    const qs = await requestGoldQuote({ ctx, input: { side: "sell" } });
    expect(qb.pricePerGram).toBe(p.buyPerGram);
    expect(qs.pricePerGram).toBe(p.sellPerGram);
    expect(qb.expiresAt.getTime() - qb.createdAt.getTime()).toBe(30_000);
  });

  it("is for lenders (and admins for the price)", async () => {
    const { ctx } = await createTestUser("borrower");
    await expect(getCurrentGoldPrice({ ctx })).rejects.toMatchObject({ status: 403 });
    await expect(requestGoldQuote({ ctx, input: { side: "buy" } })).rejects.toMatchObject({ status: 403 });
    await expect(buyGold({ ctx, input: { quoteId: crypto.randomUUID(), mode: "rupiah", amount: "50000", idempotencyKey: key() } })).rejects.toMatchObject({ status: 403 });
  });
});

describe("buying and selling", () => {
  it("buys by rupiah: the user pays exactly that, grams rounded down; the ledger moves both units", async () => {
    const { ctx, user } = await goldLender(1_000_000n);
    const inventoryBefore = await platformBalance("gold_inventory");
    const r = await trade(ctx, "buy", "rupiah", "50000");
    const price = r.trade.pricePerGram;
    expect(r.trade.rupiah).toBe(50_000n);
    expect(r.trade.units).toBe((50_000n * 10_000n) / price);
    expect(r.amounts!.roundedField).toBe("units");
    expect(await balanceOf(user.id, "user_cash")).toBe(950_000n);
    expect(await balanceOf(user.id, "user_gold")).toBe(r.trade.units);
    expect(await platformBalance("gold_inventory")).toBe(inventoryBefore - r.trade.units);
    const health = await expectLedgerHealthy();
    const xau = health.checks[0]!.name === "debits_equal_credits" ? health.checks[0]!.perUnit.find((u) => u.unit === "XAU") : undefined;
    expect(xau!.debits).toBeGreaterThan(0n);
    expect(xau!.balanceSum).toBe(0n);
  });

  it("sells half by grams and carries price and 7-day change in the events", async () => {
    const { ctx, user } = await goldLender(1_000_000n);
    const bought = await trade(ctx, "buy", "rupiah", "100000");
    const half = bought.trade.units / 2n;
    const grams = `${half / 10_000n}.${(half % 10_000n).toString().padStart(4, "0")}`;
    advanceNow(1_000); // trades are listed by time; the pinned clock would give both the same instant
    const sold = await trade(ctx, "sell", "grams", grams);
    expect(sold.trade.units).toBe(half);
    expect(sold.trade.rupiah).toBe((half * sold.trade.pricePerGram) / 10_000n);
    expect(await balanceOf(user.id, "user_gold")).toBe(bought.trade.units - half);
    const evs = await getDb().select().from(events).where(eq(events.userId, user.id));
    const soldEv = evs.find((e) => e.name === "gold_sold")!;
    expect(soldEv.properties).toMatchObject({ units: half.toString(), pricePerGram: sold.trade.pricePerGram.toString(), source: "manual" });
    expect(soldEv.properties).toHaveProperty("priceChange7dBps");
    const h = await getGoldHoldings({ ctx });
    expect(h.units).toBe(bought.trade.units - half);
    expect(h.averageBuyPerGram).not.toBeNull();
    expect(h.value).toBe((h.units * h.price.sellPerGram) / 10_000n);
    const list = await listGoldTrades({ ctx });
    expect(list.total).toBe(2);
    expect(list.items[0]!.side).toBe("sell");
    const csv = await exportGoldTrades({ ctx });
    expect(csv.split("\n")[0]).toBe("time,side,grams,rupiah,price_per_gram,entered_as,source,trade_id");
    await expectLedgerHealthy();
  });

  it("refuses to sell more than held, and to buy without the cash", async () => {
    const { ctx, user } = await goldLender(20_000n);
    await trade(ctx, "buy", "rupiah", "15000");
    await expect(trade(ctx, "sell", "grams", "1")).rejects.toMatchObject({ code: "insufficient_funds", details: { asset: "XAU" } });
    await expect(trade(ctx, "buy", "rupiah", "10000")).rejects.toMatchObject({ code: "insufficient_funds", details: { asset: "IDR" } });
    expect(await balanceOf(user.id, "user_cash")).toBe(5_000n);
    await expectLedgerHealthy();
  });

  it("refuses buys under Rp10.000 and bad amounts with field errors", async () => {
    const { ctx } = await goldLender();
    await expect(trade(ctx, "buy", "rupiah", "9999")).rejects.toMatchObject({ fields: { amount: "amountTooSmall" } });
    await expect(trade(ctx, "buy", "grams", "0.0001")).rejects.toMatchObject({ fields: { amount: "amountTooSmall" } });
    await expect(trade(ctx, "buy", "grams", "1.23456")).rejects.toMatchObject({ fields: { amount: "gramsInvalid" } });
    await expect(trade(ctx, "buy", "rupiah", "12.5")).rejects.toMatchObject({ fields: { amount: "amountInvalid" } });
  });

  it("uses a quote once and only while valid", async () => {
    const { ctx } = await goldLender();
    const q = await requestGoldQuote({ ctx, input: { side: "buy" } });
    await buyGold({ ctx, input: { quoteId: q.quoteId, mode: "rupiah", amount: "20000", idempotencyKey: key() } });
    await expect(buyGold({ ctx, input: { quoteId: q.quoteId, mode: "rupiah", amount: "20000", idempotencyKey: key() } })).rejects.toMatchObject({ code: "quote_expired" });
    const q2 = await requestGoldQuote({ ctx, input: { side: "buy" } });
    advanceNow(30_000);
    await expect(buyGold({ ctx, input: { quoteId: q2.quoteId, mode: "rupiah", amount: "20000", idempotencyKey: key() } })).rejects.toMatchObject({ code: "quote_expired" });
    const q3 = await requestGoldQuote({ ctx, input: { side: "buy" } });
    await expect(sellGold({ ctx, input: { quoteId: q3.quoteId, mode: "grams", amount: "0.001", idempotencyKey: key() } })).rejects.toMatchObject({ code: "quote_expired" });
    // Someone else's quote is as good as none.
    const other = await goldLender();
    await expect(buyGold({ ctx: other.ctx, input: { quoteId: q3.quoteId, mode: "rupiah", amount: "20000", idempotencyKey: key() } })).rejects.toMatchObject({ code: "quote_expired" });
  });

  it("is idempotent: the same key returns the same trade and moves nothing", async () => {
    const { ctx, user } = await goldLender(1_000_000n);
    const k = key();
    const first = await trade(ctx, "buy", "rupiah", "30000", k);
    const again = await trade(ctx, "buy", "rupiah", "30000", k);
    expect(again.replayed).toBe(true);
    expect(again.trade.id).toBe(first.trade.id);
    expect(await balanceOf(user.id, "user_cash")).toBe(970_000n);
    await expect(trade(ctx, "sell", "grams", "0.001", k)).rejects.toMatchObject({ code: "idempotency_key_reused" });
  });

  it("two concurrent requests with one key and one quote make one trade", async () => {
    const { ctx, user } = await goldLender(1_000_000n);
    const q = await requestGoldQuote({ ctx, input: { side: "buy" } });
    const k = key();
    const input = { quoteId: q.quoteId, mode: "rupiah" as const, amount: "40000", idempotencyKey: k };
    const [a, b] = await Promise.all([buyGold({ ctx, input }), buyGold({ ctx, input })]);
    expect(a.trade.id).toBe(b.trade.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await balanceOf(user.id, "user_cash")).toBe(960_000n);
    await expectLedgerHealthy();
  });

  it("requires approved KYC", async () => {
    const { ctx } = await createTestUser("lender");
    await expect(trade(ctx, "buy", "rupiah", "50000")).rejects.toMatchObject({ code: "kyc_required" });
  });

  it("the publish job stores a price and prunes quotes nobody used", async () => {
    const before = (await getDb().select().from(goldPrices)).length;
    const { ctx } = await goldLender(0n);
    const q = await requestGoldQuote({ ctx, input: { side: "buy" } });
    advanceNow(2 * 3_600_000);
    await publishGoldPriceHandler.run({}, { id: "t", name: publishGoldPriceHandler.job.name });
    expect((await getDb().select().from(goldPrices)).length).toBe(before + 1);
    expect(await getDb().select().from(goldQuotes).where(eq(goldQuotes.id, q.quoteId))).toHaveLength(0);
    // Used quotes stay: trades point at them.
    expect((await getDb().select().from(goldQuotes)).every((x) => x.usedAt !== null)).toBe(true);
  });
});
