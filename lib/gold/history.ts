import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { applySpread, usdCentsPerOunceToRupiahPerGram } from "./pricing";
import { GoldPriceHistoryInput, type GoldPriceRange } from "./schemas";
import { readGoldSettings } from "./internal/settings";

export type GoldHistoryPoint = { at: Date; midPerGram: bigint; buyPerGram: bigint; sellPerGram: bigint; source: "live" | "monthly" };

const DAY = 86_400_000;
/** 1W: hourly (≤ 168 points); 1M: every 4 hours (≤ 180); longer: daily live points after the monthly file. */
const LIVE: Record<"1W" | "1M", { days: number; bucket: string }> = {
  "1W": { days: 7, bucket: "1 hour" },
  "1M": { days: 30, bucket: "4 hours" },
};
const MONTHLY_YEARS: Record<"1Y" | "5Y" | "ALL", number | null> = { "1Y": 1, "5Y": 5, ALL: null };

/** Stored prices since `from`, downsampled in SQL to the last price of each bucket. */
async function livePoints(tx: DbOrTx, from: Date, to: Date, bucket: string): Promise<GoldHistoryPoint[]> {
  const rows = rowsOf<{ at: string | Date; mid: string; buy: string; sell: string }>(
    await tx.execute(sql`
      select distinct on (b) b as at, mid_per_gram::text as mid, buy_per_gram::text as buy, sell_per_gram::text as sell
        from (select date_bin(${bucket}::interval, at, timestamptz '2000-01-01 00:00:00+07') as b, at, id, mid_per_gram, buy_per_gram, sell_per_gram
                from gold_prices where at >= ${from.toISOString()}::timestamptz and at <= ${to.toISOString()}::timestamptz) p
       order by b, at desc, id desc`),
  );
  return rows.map((r) => ({ at: new Date(r.at), midPerGram: BigInt(r.mid), buyPerGram: BigInt(r.buy), sellPerGram: BigInt(r.sell), source: "live" }));
}

/**
 * The chart behind the gold page, in rupiah per gram. 1W and 1M come from the prices Lumbung
 * published (gold_prices). 1Y, 5Y and ALL come from the World Bank monthly averages, converted with the
 * admin's USD→IDR rate (pricing.ts) and dated the first of their month, followed by the daily live
 * prices from the month after the file's last month on. Buy and sell of monthly points apply today's
 * spread to the monthly mid.
 */
export async function getPriceHistory({ ctx, input }: { ctx: Ctx; input?: unknown }): Promise<{ range: GoldPriceRange; points: GoldHistoryPoint[] }> {
  requireRole(ctx, "lender", "admin");
  const { range } = parseInput(GoldPriceHistoryInput, input ?? {});
  return withTransaction(ctx, async (tx) => {
    const to = now();
    if (range === "1W" || range === "1M") {
      const { days, bucket } = LIVE[range];
      return { range, points: await livePoints(tx, new Date(to.getTime() - days * DAY), to, bucket) };
    }
    const years = MONTHLY_YEARS[range];
    const from = years === null ? new Date("1900-01-01T00:00:00Z") : new Date(to.getTime() - years * 365 * DAY);
    const settings = await readGoldSettings(tx);
    const monthly = rowsOf<{ month: string; cents: string }>(
      await tx.execute(sql`
        select to_char(month, 'YYYY-MM-DD') as month, usd_cents_per_ounce::text as cents from gold_monthly_prices
         where month >= ${from.toISOString().slice(0, 10)}::date and month <= ${to.toISOString().slice(0, 10)}::date
         order by month`),
    );
    const points: GoldHistoryPoint[] = monthly.map((m) => ({
      at: new Date(`${m.month}T00:00:00Z`),
      ...applySpread(usdCentsPerOunceToRupiahPerGram(BigInt(m.cents), settings.usdIdrRate), settings.spreadBps),
      source: "monthly" as const,
    }));
    const last = points.at(-1);
    // Live prices start after the last monthly point's month, so the two never overlap.
    const liveFrom = last ? new Date(Date.UTC(last.at.getUTCFullYear(), last.at.getUTCMonth() + 1, 1)) : from;
    const live = await livePoints(tx, liveFrom > from ? liveFrom : from, to, "1 day");
    return { range, points: [...points, ...live] };
  });
}
