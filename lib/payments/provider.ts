import type { BankCode, TopUpMethodName } from "./schemas";
import type { HeaderBag } from "./webhook-signature";

/**
 * A payment gateway, as Lumbung needs it: collect money into a wallet (virtual account or QRIS),
 * tell us it arrived (a signed webhook), and pay money out to a bank account. The sandbox is built in;
 * a real gateway (Xendit, Midtrans, DOKU…) is another implementation of this interface.
 */
export type CreatePaymentRequest = {
  /** Our top-up id; providers use it as their idempotency key / external id. */
  orderId: string;
  amount: bigint;
  method: TopUpMethodName;
  bank?: BankCode;
  customerName: string;
  expiresAt: Date;
};

export type PaymentRequestCreated = {
  providerReference: string;
  vaNumber: string | null;
  qrisPayload: string | null;
  expiresAt: Date;
};

/** What a verified webhook says: this much was paid for this request at this time. */
export type PaymentNotification = { providerReference: string; amount: bigint; paidAt: Date };

export type WebhookVerification =
  | { ok: true; payment: PaymentNotification }
  | { ok: false; reason: string; status: 400 | 401 | 503; providerReference?: string };

export type CreatePayout = {
  /** Our withdrawal id: the provider's idempotency key, so a retried payout pays once. */
  reference: string;
  amount: bigint;
  bankCode: string;
  accountNumber: string;
  holderName: string;
};

export type PayoutResult = { payoutReference: string; status: "paid" | "pending" };

export interface PaymentProvider {
  readonly name: string;
  createPaymentRequest(input: CreatePaymentRequest): Promise<PaymentRequestCreated>;
  /** Checks the signature and freshness of a webhook and parses it. Never throws for bad input. */
  verifyWebhook(input: { rawBody: string; headers: HeaderBag; at: Date }): WebhookVerification;
  createPayout(input: CreatePayout): Promise<PayoutResult>;
}
