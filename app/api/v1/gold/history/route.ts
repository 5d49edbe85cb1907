import { route } from "@/app/api/_lib/route";
import { getPriceHistory } from "@/lib/gold";
import { jsonResponse } from "@/lib/http";

/** GET ?range=1W|1M|1Y|5Y|ALL → { range, points: [{ at, pricePerGram }] }: the buy price per gram, for the chart. */
export const GET = route(async ({ request, ctx }) => {
  const range = new URL(request.url).searchParams.get("range") ?? "1M";
  const h = await getPriceHistory({ ctx, input: { range } });
  return jsonResponse(
    { range: h.range, points: h.points.map((p) => ({ at: p.at.toISOString(), pricePerGram: p.buyPerGram })) },
    { headers: { "cache-control": "no-store" } },
  );
});
