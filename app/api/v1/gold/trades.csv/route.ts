import { withReaderHeader } from "@/app/api/_lib/csv";
import { route } from "@/app/api/_lib/route";
import { now } from "@/lib/clock";
import { exportGoldTrades } from "@/lib/gold";

/** The signed-in lender's gold trades as CSV (lender only; the query scopes to the owner). */
export const GET = route(async ({ ctx }) => {
  const csv = await withReaderHeader(await exportGoldTrades({ ctx }), "gold");
  const day = now().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lumbung-gold-trades-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
