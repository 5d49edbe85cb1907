import { route } from "@/app/api/_lib/route";
import { jsonResponse, readJson } from "@/lib/http";
import { previewSegment } from "@/lib/engagement";

/** Admins only: the live count and a sample of ten members of a rule being edited ({ rule }). */
export const POST = route(async ({ request, ctx }) => {
  const body = await readJson(request);
  return jsonResponse(await previewSegment({ ctx, input: body }), { headers: { "cache-control": "no-store" } });
});
