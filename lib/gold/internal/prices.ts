import "server-only";
import { and, desc, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { goldPrices, type GoldPrice } from "@/db/schema";
import { now } from "@/lib/clock";
import { checkGoldPriceAlerts } from "./alerts-check";
import { applySpread, changeBps, spreadBpsOf } from "../pricing";
import { goldPriceProvider } from "../provider";
import { readGoldSettings } from "./settings";

/**
 * Publishes the provider's current price: stores a gold_prices row (mid, and buy/sell around it with
 * the configured spread) and checks price alerts against it, in the caller's transaction.
 */
export async function publishGoldPrice(tx: DbOrTx, at: Date = now()): Promise<GoldPrice> {
  const settings = await readGoldSettings(tx);
  const provider = goldPriceProvider();
  const { midPerGram } = await provider.getCurrentPrice({ at, settings });
  const point = applySpread(midPerGram, settings.spreadBps);
  const [row] = await tx
    .insert(goldPrices)
    .values({ at, source: provider.name, ...point })
    .returning();
  await checkGoldPriceAlerts(tx, row!);
  return row!;
}

/**
 * The price in force: the latest stored row at or before now. Reads always get a price: when none is
 * stored or the latest is older than the staleness setting (5 minutes), one is published on the spot.
 */
export async function getLatestPrice(tx: DbOrTx): Promise<GoldPrice> {
  const at = now();
  const [latest] = await tx.select().from(goldPrices).where(lte(goldPrices.at, at)).orderBy(desc(goldPrices.at), desc(goldPrices.id)).limit(1);
  if (latest) {
    const settings = await readGoldSettings(tx);
    if (at.getTime() - latest.at.getTime() <= settings.staleAfterSeconds * 1000) return latest;
  }
  return publishGoldPrice(tx, at);
}

/** The stored price at or just before an instant (undefined when none is that old). */
export async function priceAtOrBefore(tx: DbOrTx, at: Date): Promise<GoldPrice | undefined> {
  const [row] = await tx.select().from(goldPrices).where(and(lte(goldPrices.at, at))).orderBy(desc(goldPrices.at), desc(goldPrices.id)).limit(1);
  return row;
}

/** Change of the mid price over the last 7 days in bps (null when no price is 7 days old). */
export async function priceChange7dBps(tx: DbOrTx, price: GoldPrice): Promise<number | null> {
  const then = await priceAtOrBefore(tx, new Date(price.at.getTime() - 7 * 86_400_000));
  return changeBps(price.midPerGram, then?.midPerGram);
}

export type GoldPriceView = {
  priceId: bigint;
  at: Date;
  midPerGram: bigint;
  buyPerGram: bigint;
  sellPerGram: bigint;
  /** buy − sell in rupiah per gram, and in bps of mid. */
  spreadPerGram: bigint;
  spreadBps: number;
  change7dBps: number | null;
};

export async function toPriceView(tx: DbOrTx, p: GoldPrice): Promise<GoldPriceView> {
  return {
    priceId: p.id,
    at: p.at,
    midPerGram: p.midPerGram,
    buyPerGram: p.buyPerGram,
    sellPerGram: p.sellPerGram,
    spreadPerGram: p.buyPerGram - p.sellPerGram,
    spreadBps: spreadBpsOf(p),
    change7dBps: await priceChange7dBps(tx, p),
  };
}
