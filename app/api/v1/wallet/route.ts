import { route } from "@/app/api/_lib/route";
import { jsonResponse } from "@/lib/http";
import { getMyWallet } from "@/lib/wallet";

export const GET = route(async ({ ctx }) => {
  return jsonResponse(await getMyWallet({ ctx }));
});
