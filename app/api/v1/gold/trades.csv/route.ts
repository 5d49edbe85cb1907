import { getRequestCtx } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { exportGoldTrades } from "@/lib/gold";
import { errorResponse } from "@/lib/http";

/** The signed-in lender's gold trades as CSV (lender only; the query scopes to the owner). */
export async function GET() {
  try {
    const csv = await exportGoldTrades({ ctx: await getRequestCtx() });
    const day = now().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="lumbung-gold-trades-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
