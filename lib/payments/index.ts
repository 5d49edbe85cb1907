import "server-only";
/** Payments: the gateway interface, the sandbox gateway, top-ups and the webhook. */
export * from "./schemas";
export * from "./provider";
export { paymentProvider, sandboxProvider } from "./gateway";
export { WebhookRejected, PaymentsUnavailable } from "./errors";
export { requestTopUp, getTopUp, listMyTopUps, effectiveTopUpStatus, type TopUpView } from "./topups";
export { handlePaymentWebhook, type WebhookOutcome } from "./webhook";
export { simulateSandboxPayment, buildSandboxPaymentWebhook, getSandboxPaymentRequest, type SandboxPaymentRequest } from "./sandbox-pay";
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook, type HeaderBag } from "./webhook-signature";
export { toTopUpView } from "./topups";
