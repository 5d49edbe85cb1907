import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse, jsonResponse } from "@/lib/http";
import { getFundingProgress } from "@/lib/loans/marketplace";

/** GET ?ids=a,b,c → [{ id, fundedAmount, principal, fundedPct, status }] for the marketplace's live bars. */
export async function GET(request: Request) {
  try {
    const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean);
    return jsonResponse(await getFundingProgress({ ctx: await getRequestCtx(), ids }), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
