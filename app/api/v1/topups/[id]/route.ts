import { route } from "@/app/api/_lib/route";
import { jsonResponse } from "@/lib/http";
import { getTopUp } from "@/lib/payments";

export const GET = route<{ id: string }>(async ({ ctx, params }) => {
  const { id } = params;
  return jsonResponse(await getTopUp({ ctx, input: { id } }));
});
