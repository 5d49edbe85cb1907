import { DomainError } from "@/lib/errors";

/** A webhook we refused: nothing was credited; the delivery is logged with the reason. */
export class WebhookRejected extends DomainError {
  constructor(reason: string, status: number, message: string) {
    super(`webhook_${reason}`, message, status, { details: { reason } });
  }
}

/** Payments are not configured (no webhook secret outside demo mode). */
export class PaymentsUnavailable extends DomainError {
  constructor(message = "Payments are not available: the payment gateway is not configured.") {
    super("payments_unavailable", message, 503);
  }
}
