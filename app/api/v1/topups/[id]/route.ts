import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse, jsonResponse } from "@/lib/http";
import { getTopUp } from "@/lib/payments";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    return jsonResponse(await getTopUp({ ctx: await getRequestCtx(), id }));
  } catch (e) {
    return errorResponse(e);
  }
}
