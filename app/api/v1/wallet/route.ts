import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse, jsonResponse } from "@/lib/http";
import { getMyWallet } from "@/lib/wallet";

export async function GET() {
  try {
    return jsonResponse(await getMyWallet({ ctx: await getRequestCtx() }));
  } catch (e) {
    return errorResponse(e);
  }
}
