import { route } from "@/app/api/_lib/route";
import { jsonResponse } from "@/lib/http";
import { listMyMovements } from "@/lib/wallet";

export const GET = route(async ({ request, ctx }) => {
  const q = new URL(request.url).searchParams;
  const filters = { type: q.get("type") || undefined, from: q.get("from") || undefined, to: q.get("to") || undefined };
  return jsonResponse(
    await listMyMovements({ ctx, input: { ...filters, page: q.get("page") ?? undefined, pageSize: q.get("pageSize") ?? undefined } }),
  );
});
