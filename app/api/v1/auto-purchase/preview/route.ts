import { route } from "@/app/api/_lib/route";
import { previewStrategy } from "@/lib/autopurchase/preview";
import { jsonResponse, readJson } from "@/lib/http";

/**
 * POST { strategy: <the strategy form's values> } or { strategyId } → { total, loans } — today's listed
 * loans these rules would match, for the form's live preview. Bad rules answer 400 with field errors.
 */
export const POST = route(async ({ request, ctx }) => {

  const body = (await readJson(request)) as { strategyId?: unknown; strategy?: unknown } | null;
  const input = body && typeof body === "object" && "strategyId" in body ? { strategyId: body.strategyId } : { strategy: body?.strategy };
  return jsonResponse(await previewStrategy({ ctx, input }), { headers: { "cache-control": "no-store" } });
});
