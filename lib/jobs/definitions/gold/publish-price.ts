import "server-only";
import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Every minute (pg-boss's finest cron): publishes the provider's price (a gold_prices row) and checks
 * price alerts in the same transaction; also drops unused quotes an hour past their expiry. Reads never wait for it: a read that finds no price younger
 * than 5 minutes publishes one itself (lib/gold/prices.ts getLatestPrice).
 */
export const publishGoldPriceJob = defineJob({
  name: "gold.publish-price",
  payload: z.object({}).passthrough(),
  retryLimit: 1,
  retryDelaySeconds: 30,
  retryBackoff: false,
  expireInSeconds: 5 * 60,
  cron: "* * * * *",
  handler: async () => {
    const { publishGoldPrice } = await import("@/lib/gold/prices");
    const { pruneExpiredQuotes } = await import("@/lib/gold/quotes");
    const { getDb } = await import("@/db");
    await getDb().transaction(async (tx) => {
      await publishGoldPrice(tx);
      await pruneExpiredQuotes(tx);
    });
  },
});
