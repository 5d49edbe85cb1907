import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog, goldMonthlyPrices } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { createTestUser } from "@/lib/testing/factories";
import { ensureGoldDefaults, getCurrentGoldPrice, getGoldSettings, getPriceHistory, getWithdrawalOptions, publishGoldPrice, updateGoldSettings } from ".";
import { usdCentsPerOunceToRupiahPerGram } from "./pricing";

const HOUR = 3_600_000;

beforeAll(async () => {
  setNow("2026-11-20T03:00:00Z");
  // Three days of prices every 20 minutes.
  const start = Date.parse("2026-11-17T03:00:00Z");
  await getDb().transaction(async (tx) => {
    for (let t = start; t <= Date.parse("2026-11-20T03:00:00Z"); t += HOUR / 3) await publishGoldPrice(tx, new Date(t));
  });
});

describe("price history", () => {
  it("loads the World Bank file once", async () => {
    const first = await ensureGoldDefaults(getDb());
    expect(first).toBeGreaterThan(400);
    expect(await ensureGoldDefaults(getDb())).toBe(0);
    const [jan90] = await getDb().select().from(goldMonthlyPrices).where(eq(goldMonthlyPrices.month, "1990-01-01"));
    expect(jan90!.usdCentsPerOunce).toBe(41_000n);
  });

  it("1W: hourly points of the stored prices", async () => {
    const { ctx } = await createTestUser("lender");
    const { points } = await getPriceHistory({ ctx, input: { range: "1W" } });
    expect(points.length).toBe(73); // 72 hours + the last hour's bucket
    expect(points.every((p) => p.source === "live" && p.buyPerGram > p.sellPerGram)).toBe(true);
    for (let i = 1; i < points.length; i++) expect(points[i]!.at.getTime() - points[i - 1]!.at.getTime()).toBe(HOUR);
    const m = await getPriceHistory({ ctx, input: { range: "1M" } });
    expect(m.points.length).toBeLessThan(points.length);
  });

  it("1Y/ALL: monthly history converted with the admin's USD→IDR rate, then live prices", async () => {
    const { ctx } = await createTestUser("lender");
    const all = await getPriceHistory({ ctx, input: { range: "ALL" } });
    const monthly = all.points.filter((p) => p.source === "monthly");
    expect(monthly[0]!.at.toISOString()).toBe("1990-01-01T00:00:00.000Z");
    expect(monthly[0]!.midPerGram).toBe(usdCentsPerOunceToRupiahPerGram(41_000n, 16_500n));
    expect(all.points.at(-1)!.source).toBe("live");
    const year = await getPriceHistory({ ctx, input: { range: "1Y" } });
    expect(year.points.filter((p) => p.source === "monthly").length).toBeLessThanOrEqual(12);

    const admin = await createTestUser("admin");
    await updateGoldSettings({ ctx: admin.ctx, input: { basePerGram: "2300000", spreadBps: "2", usdIdrRate: "17000" } });
    const after = await getPriceHistory({ ctx, input: { range: "ALL" } });
    expect(after.points[0]!.midPerGram).toBe(usdCentsPerOunceToRupiahPerGram(41_000n, 17_000n));
    await expect(getPriceHistory({ ctx, input: { range: "2D" } })).rejects.toMatchObject({ status: 400 });
  });
});

describe("gold settings", () => {
  it("admins change base, spread and rate (audited); a price with them is published at once", async () => {
    const admin = await createTestUser("admin");
    const s = await updateGoldSettings({ ctx: admin.ctx, input: { basePerGram: "2000000", spreadBps: "4", usdIdrRate: "16000", withdrawalFees: { "5": "80000" } } });
    expect(s).toMatchObject({ basePerGram: 2_000_000n, spreadBps: 400, usdIdrRate: 16_000n });
    expect(s.withdrawalFees[5]).toBe(80_000n);
    // A price with the new spread is published in the same transaction, so lenders see it at once.
    expect((await getCurrentGoldPrice({ ctx: admin.ctx })).spreadBps).toBeGreaterThanOrEqual(399);
    expect((await getGoldSettings({ ctx: admin.ctx })).spreadBps).toBe(400);
    const audit = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.action, "gold.settings_updated"));
    expect(audit.length).toBeGreaterThan(0);
    setNow("2026-11-20T03:30:00Z");
    const p = await getCurrentGoldPrice({ ctx: admin.ctx });
    expect(p.midPerGram).toBeGreaterThanOrEqual(1_970_000n);
    expect(p.midPerGram).toBeLessThanOrEqual(2_030_000n);
    expect(p.spreadBps).toBeGreaterThanOrEqual(399);
    expect(p.change7dBps).toBeNull(); // nothing stored 7 days back
    const { ctx } = await createTestUser("lender");
    await expect(updateGoldSettings({ ctx, input: { basePerGram: "1", spreadBps: "0.01", usdIdrRate: "1" } })).rejects.toMatchObject({ status: 403 });
    await expect(updateGoldSettings({ ctx: admin.ctx, input: { basePerGram: "2000000", spreadBps: "50", usdIdrRate: "16000" } })).rejects.toMatchObject({ fields: { spreadBps: "spreadInvalid" } });
  });

  it("admins set bar fees and lead times per size; the lender's withdrawal options use them", async () => {
    const admin = await createTestUser("admin");
    const base = { basePerGram: "2000000", spreadBps: "3", usdIdrRate: "16000" };
    await updateGoldSettings({ ctx: admin.ctx, input: { ...base, withdrawalFees: { "1": "55000", "100": "350000" }, leadTimeDays: { "1": "3", "100": 21 } } });
    const { ctx } = await createTestUser("lender");
    const options = await getWithdrawalOptions({ ctx });
    expect(options.find((o) => o.barGrams === 1)).toEqual({ barGrams: 1, fee: 55_000n, leadTimeDays: 3 });
    expect(options.find((o) => o.barGrams === 100)).toEqual({ barGrams: 100, fee: 350_000n, leadTimeDays: 21 });
    // Sizes not sent keep their value.
    await updateGoldSettings({ ctx: admin.ctx, input: { ...base, leadTimeDays: { "2": 9 } } });
    const s = await getGoldSettings({ ctx: admin.ctx });
    expect(s.leadTimeDays).toMatchObject({ 1: 3, 2: 9, 100: 21 });
    expect(s.withdrawalFees[1]).toBe(55_000n);
    await expect(updateGoldSettings({ ctx: admin.ctx, input: { ...base, leadTimeDays: { "5": "0" } } })).rejects.toMatchObject({ fields: { "leadTimeDays.5": "leadTimeInvalid" } });
    await expect(updateGoldSettings({ ctx: admin.ctx, input: { ...base, leadTimeDays: { "5": "2.5" } } })).rejects.toMatchObject({ fields: { "leadTimeDays.5": "leadTimeInvalid" } });
    await expect(updateGoldSettings({ ctx: admin.ctx, input: { ...base, withdrawalFees: { "5": "abc" } } })).rejects.toMatchObject({ fields: { "withdrawalFees.5": expect.any(String) } });
  });
});
