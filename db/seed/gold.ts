import { count, desc, eq, lt, max, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { goldMonthlyPrices, goldPrices, goldTrades } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/internal/users";
import { now } from "@/lib/clock";
import { userCtx } from "@/lib/context";
import { InsufficientFunds } from "@/lib/errors";
import { createPriceAlert, createRecurringPlan, ensureGoldDefaults, getLatestPrice, readGoldSettings, requestGoldWithdrawal } from "@/lib/gold";
import { applySpread } from "@/lib/gold/pricing";
import { goldPriceProvider } from "@/lib/gold/provider";
import { computeTrade } from "@/lib/gold/trade-math";
import { executeGoldTrade } from "@/lib/gold/internal/trade-core";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Demo gold: the World Bank monthly history, 30 days of hourly prices from the demo provider (one
 * multi-row insert, so the 1W and 1M charts have data), daily demo prices from the month after the
 * file's last month up to the first stored price (so the 1Y/5Y/ALL chart has no gap between the file
 * and the live prices), and the demo lender's savings — four buys of
 * Rp1.000.000 a week apart at the prices of those days, a weekly recurring plan, a buy-price alert and
 * a 1 g bar waiting in the admin queue. Skipped when the lender already has gold trades.
 *
 * The four past buys go through the trade core (ledger, event) at the stored price of their day; only
 * the trade row's time is set back to that day afterwards, so the history and the average buy price
 * look like a month of saving (the ledger transfers keep the seed's time).
 */
export async function seedGold(db: Db): Promise<void> {
  await ensureGoldDefaults(db);
  const at = now();
  const [old] = await db.select({ n: count() }).from(goldPrices).where(lt(goldPrices.at, new Date(at.getTime() - DAY)));
  if ((old?.n ?? 0) === 0) {
    const settings = await readGoldSettings(db);
    const provider = goldPriceProvider();
    const rows = [];
    const firstHour = Math.floor((at.getTime() - 30 * DAY) / HOUR) * HOUR;
    for (let t = firstHour; t <= at.getTime(); t += HOUR) {
      const { midPerGram } = await provider.getCurrentPrice({ at: new Date(t), settings });
      rows.push({ at: new Date(t), source: provider.name, ...applySpread(midPerGram, settings.spreadBps) });
    }
    await db.insert(goldPrices).values(rows);
  }
  await seedDailyGapPrices(db);

  const lender = await findUserByEmail(db, "lender@lumbung.test");
  if (!lender) return;
  const [traded] = await db.select({ id: goldTrades.id }).from(goldTrades).where(eq(goldTrades.userId, lender.id)).limit(1);
  if (traded) return;
  const ctx = userCtx(lender.id, "lender");
  try {
    await db.transaction(async (tx) => {
      for (const daysAgo of [28, 21, 14, 7]) {
        const when = new Date(at.getTime() - daysAgo * DAY);
        const [price] = await tx.select().from(goldPrices).where(lt(goldPrices.at, when)).orderBy(desc(goldPrices.at)).limit(1);
        const buyPerGram = price?.buyPerGram ?? (await getLatestPrice(tx)).buyPerGram;
        const { trade } = await executeGoldTrade(tx, {
          userId: lender.id,
          amounts: computeTrade("buy", "rupiah", 1_000_000n, buyPerGram),
          quoteId: null,
          source: "manual",
          idempotencyKey: `seed:gold:${daysAgo}`,
        });
        await tx.update(goldTrades).set({ createdAt: when }).where(eq(goldTrades.id, trade.id));
      }
    });
  } catch (e) {
    if (e instanceof InsufficientFunds) return; // the demo lender spent the cash elsewhere: no gold then
    throw e;
  }
  await createRecurringPlan({ ctx, input: { amount: "100000", frequency: "weekly", hour: 8, dayOfWeek: 1 } });
  const latest = await getLatestPrice(db);
  await createPriceAlert({ ctx, input: { kind: "buy_below", thresholdPerGram: ((latest.buyPerGram * 98n) / 100n).toString() } });
  await requestGoldWithdrawal({ ctx, input: { barGrams: 1, quantity: 1, address: "Jl. Braga No. 12, Bandung 40111, Jawa Barat", idempotencyKey: "seed:gold:bar" } });
}

/** Noon in Jakarta (05:00 UTC): one demo price per day, in the middle of its daily chart bucket. */
const DAILY_AT_UTC_HOUR = 5;

/**
 * Fills the gap between the monthly file and the live prices with one demo price a day, from the first
 * day of the month after the file's last month up to (not including) the earliest stored price, in one
 * multi-row insert. Idempotent: once filled, the earliest stored price is the first filled day, so the
 * range is empty. getPriceHistory starts its daily live points at that same month, so nothing overlaps
 * the monthly points, and its daily buckets keep one point per day where the fill meets the hourly prices.
 */
export async function seedDailyGapPrices(db: Db): Promise<number> {
  const [file] = await db.select({ last: max(goldMonthlyPrices.month) }).from(goldMonthlyPrices);
  if (!file?.last) return 0;
  const [y, m] = file.last.split("-").map(Number) as [number, number];
  const fillFrom = Date.UTC(y, m, 1); // month index m is the month after the file's last (1-based m)
  const [first] = await db.select({ at: min(goldPrices.at) }).from(goldPrices);
  const fillTo = first?.at ? first.at.getTime() : now().getTime();
  const settings = await readGoldSettings(db);
  const provider = goldPriceProvider();
  const rows = [];
  for (let day = fillFrom; day + DAILY_AT_UTC_HOUR * HOUR < fillTo; day += DAY) {
    const at = new Date(day + DAILY_AT_UTC_HOUR * HOUR);
    const { midPerGram } = await provider.getCurrentPrice({ at, settings });
    rows.push({ at, source: provider.name, ...applySpread(midPerGram, settings.spreadBps) });
  }
  if (rows.length > 0) await db.insert(goldPrices).values(rows);
  return rows.length;
}
