import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { GoldPrice } from "@/db/schema";
import { trackMany } from "@/lib/engagement";
import { idr } from "@/lib/money/params";
import { notify } from "@/lib/notifications";

/**
 * Checks every active alert against a newly published price, set-based: one UPDATE … RETURNING marks
 * the triggered alerts inactive (each fires once), then the notifications and events go in bulk.
 * "Below" and "above" include equality: an alert at Rp2.200.000 fires when the buy price is Rp2.200.000.
 */
export async function checkGoldPriceAlerts(tx: DbOrTx, price: Pick<GoldPrice, "buyPerGram" | "sellPerGram" | "at">): Promise<number> {
  const triggered = rowsOf<{ id: string; user_id: string; kind: string; threshold_per_gram: string; triggered_price_per_gram: string }>(
    await tx.execute(sql`
      update gold_price_alerts
         set active = false,
             triggered_at = ${price.at.toISOString()}::timestamptz,
             triggered_price_per_gram = case kind when 'buy_below' then ${price.buyPerGram}::bigint else ${price.sellPerGram}::bigint end
       where active
         and ((kind = 'buy_below' and threshold_per_gram >= ${price.buyPerGram}::bigint)
           or (kind = 'sell_above' and threshold_per_gram <= ${price.sellPerGram}::bigint))
      returning id, user_id, kind, threshold_per_gram::text, triggered_price_per_gram::text`),
  );
  if (triggered.length === 0) return 0;
  await notify(
    tx,
    triggered.map((a) => ({
      userId: a.user_id,
      kind: a.kind === "buy_below" ? "gold_price_alert_buy" : "gold_price_alert_sell",
      params: { price: idr(a.triggered_price_per_gram), threshold: idr(a.threshold_per_gram) },
      link: "/lender/gold",
    })),
  );
  await trackMany(
    tx,
    triggered.map((a) => ({
      name: "gold_alert_triggered" as const,
      userId: a.user_id,
      properties: { alertId: a.id, kind: a.kind, thresholdPerGram: a.threshold_per_gram, pricePerGram: a.triggered_price_per_gram },
    })),
  );
  return triggered.length;
}
