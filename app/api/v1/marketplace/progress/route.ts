import { route } from "@/app/api/_lib/route";
import { jsonResponse } from "@/lib/http";
import { getFundingProgress } from "@/lib/loans/marketplace";

/** GET ?ids=a,b,c → [{ id, fundedAmount, principal, fundedPct, status }] for the marketplace's live bars. */
export const GET = route(async ({ request, ctx }) => {
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean);
  return jsonResponse(await getFundingProgress({ ctx, input: { ids } }), { headers: { "cache-control": "no-store" } });
});
