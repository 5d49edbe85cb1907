import { z } from "zod";
import { defineJob } from "../../types";

/**
 * Every minute (pg-boss's finest cron): publishes the provider's price (a gold_prices row) and checks
 * price alerts in the same transaction; also drops unused quotes an hour past their expiry. Reads never wait for it: a read that finds no price younger
 * than 5 minutes publishes one itself (lib/gold/prices.ts getLatestPrice).
 */
export const publishGoldPriceJob = defineJob({
  name: "gold.publish-price",
  version: 1,
  payload: z.object({}).passthrough(),
  retryLimit: 1,
  retryDelaySeconds: 30,
  retryBackoff: false,
  expireInSeconds: 5 * 60,
  cron: "* * * * *",
});
