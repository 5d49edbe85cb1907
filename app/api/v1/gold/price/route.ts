import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse, jsonResponse } from "@/lib/http";
import { getCurrentGoldPrice } from "@/lib/gold";

/** GET → { buyPerGram, sellPerGram, spreadBps, change7dBps, at } (rupiah as strings), polled by the gold page. */
export async function GET() {
  try {
    const p = await getCurrentGoldPrice({ ctx: await getRequestCtx() });
    return jsonResponse({ buyPerGram: p.buyPerGram, sellPerGram: p.sellPerGram, spreadBps: p.spreadBps, change7dBps: p.change7dBps, at: p.at.toISOString() }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
