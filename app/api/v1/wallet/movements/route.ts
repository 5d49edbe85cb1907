import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse, jsonResponse } from "@/lib/http";
import { listMyMovements } from "@/lib/wallet";

export async function GET(request: Request) {
  try {
    const q = new URL(request.url).searchParams;
    const filters = { type: q.get("type") || undefined, from: q.get("from") || undefined, to: q.get("to") || undefined };
    return jsonResponse(
      await listMyMovements({ ctx: await getRequestCtx(), filters, page: q.get("page") ?? undefined, pageSize: q.get("pageSize") ?? undefined }),
    );
  } catch (e) {
    return errorResponse(e);
  }
}
