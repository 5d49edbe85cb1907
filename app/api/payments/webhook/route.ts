import { route } from "@/app/api/_lib/route";
import { handlePaymentWebhook } from "@/lib/payments";
import { jsonResponse } from "@/lib/http";

/** The payment gateway's webhook: signature-checked, idempotent by the provider's reference. */
export const POST = route(async ({ request }) => {
  const rawBody = await request.text();
  const outcome = await handlePaymentWebhook({ rawBody, headers: request.headers });
  return jsonResponse(outcome);
}, { session: false });
