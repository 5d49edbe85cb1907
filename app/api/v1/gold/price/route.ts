import { route } from "@/app/api/_lib/route";
import { jsonResponse } from "@/lib/http";
import { getCurrentGoldPrice } from "@/lib/gold";

/** GET → { buyPerGram, sellPerGram, spreadBps, change7dBps, at } (rupiah as strings), polled by the gold page. */
export const GET = route(async ({ ctx }) => {
  const p = await getCurrentGoldPrice({ ctx });
  return jsonResponse({ buyPerGram: p.buyPerGram, sellPerGram: p.sellPerGram, spreadBps: p.spreadBps, change7dBps: p.change7dBps, at: p.at.toISOString() }, { headers: { "cache-control": "no-store" } });
});
