import { getRequestCtx } from "@/lib/auth/session";
import { errorResponse, jsonResponse } from "@/lib/http";
import { ledgerHealth } from "@/lib/ledger";

/** Admins only: the ledger's live checks and trial balance, amounts as strings. */
export async function GET() {
  try {
    return jsonResponse(await ledgerHealth({ ctx: await getRequestCtx() }));
  } catch (e) {
    return errorResponse(e);
  }
}
