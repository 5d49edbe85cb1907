import { route } from "@/app/api/_lib/route";
import { jsonResponse } from "@/lib/http";
import { ledgerHealth } from "@/lib/ledger";

/** Admins only: the ledger's live checks and trial balance, amounts as strings. */
export const GET = route(async ({ ctx }) => {
  return jsonResponse(await ledgerHealth({ ctx }));
});
