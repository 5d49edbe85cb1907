import { handlePaymentWebhook } from "@/lib/payments";
import { errorResponse, jsonResponse } from "@/lib/http";

/** The payment gateway's webhook: signature-checked, idempotent by the provider's reference. */
export async function POST(request: Request) {
  try {
    const rawBody = await request.text();
    const outcome = await handlePaymentWebhook({ rawBody, headers: request.headers });
    return jsonResponse(outcome);
  } catch (e) {
    return errorResponse(e);
  }
}
