import "server-only";
import { env } from "@/lib/env";
import { PaymentsUnavailable } from "./errors";
import type { PaymentProvider } from "./provider";
import { SandboxProvider } from "./sandbox";

/**
 * The configured gateway (PAYMENT_PROVIDER; only "sandbox" so far). Without a webhook secret — outside
 * demo mode PAYMENT_WEBHOOK_SECRET must be set — payments refuse to run rather than accept unsigned money.
 */
export function paymentProvider(): PaymentProvider {
  return sandboxProvider();
}

export function sandboxProvider(): SandboxProvider {
  const e = env();
  if (e.PAYMENT_PROVIDER !== "sandbox") throw new PaymentsUnavailable("The sandbox gateway is not the configured provider.");
  if (!e.paymentWebhookSecret) throw new PaymentsUnavailable("PAYMENT_WEBHOOK_SECRET is not set, so the payment gateway is switched off.");
  return new SandboxProvider(e.paymentWebhookSecret);
}
