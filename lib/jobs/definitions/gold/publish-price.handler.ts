import "server-only";
import { getDb } from "@/db";
import { publishGoldPrice } from "@/lib/gold";
import { pruneExpiredQuotes } from "@/lib/gold";
import { defineHandler } from "../../types";
import { publishGoldPriceJob } from "./publish-price";

export const publishGoldPriceHandler = defineHandler(publishGoldPriceJob, async () => {
  await getDb().transaction(async (tx) => {
    await publishGoldPrice(tx);
    await pruneExpiredQuotes(tx);
  });
});
