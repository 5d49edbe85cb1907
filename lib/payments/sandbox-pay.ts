import "server-only";
import { eq } from "drizzle-orm";
import { topUpRequests } from "@/db/schema";
import { now } from "@/lib/clock";
import { allowAnonymous, dbOf, type Ctx } from "@/lib/context";
import { Conflict, NotFound, parseInput } from "@/lib/errors";
import { sandboxProvider } from "./gateway";
import { SimulateSandboxPaymentInput } from "./schemas";
import { effectiveTopUpStatus } from "./topups";
import { handlePaymentWebhook, type WebhookOutcome } from "./webhook";

/**
 * The sandbox gateway's own "pay" page. Like a real gateway's checkout, it is reached by the request's
 * reference (unguessable) rather than by signing in to Lumbung; it exists only while the sandbox is the
 * configured gateway with a webhook secret.
 */
export type SandboxPaymentRequest = {
  providerReference: string;
  method: "va" | "qris";
  bank: string | null;
  vaNumber: string | null;
  qrisPayload: string | null;
  amount: bigint;
  status: "pending" | "paid" | "expired";
  expiresAt: Date;
};

async function findByReference(ctx: Ctx, providerReference: string) {
  const [row] = await dbOf(ctx).select().from(topUpRequests).where(eq(topUpRequests.providerReference, providerReference)).limit(1);
  if (!row || row.provider !== "sandbox") throw new NotFound("The payment request");
  return row;
}

/** What the sandbox page shows for a reference. */
export async function getSandboxPaymentRequest({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<SandboxPaymentRequest> {
  allowAnonymous(ctx); // reached by the unguessable reference, like a gateway's checkout page
  sandboxProvider();
  const { providerReference } = parseInput(SimulateSandboxPaymentInput, input);
  const row = await findByReference(ctx, providerReference);
  return {
    providerReference: row.providerReference,
    method: row.method,
    bank: row.bank,
    vaNumber: row.vaNumber,
    qrisPayload: row.qrisPayload,
    amount: row.amount,
    status: effectiveTopUpStatus(row),
    expiresAt: row.expiresAt,
  };
}

/**
 * Builds the webhook the sandbox gateway would send for paying this request in full now — body and
 * signature headers — without delivering it. The page (or a test) may POST it to /api/payments/webhook.
 */
export async function buildSandboxPaymentWebhook({ ctx, input }: { ctx: Ctx; input: unknown }) {
  allowAnonymous(ctx);
  const provider = sandboxProvider();
  const { providerReference } = parseInput(SimulateSandboxPaymentInput, input);
  const row = await findByReference(ctx, providerReference);
  const status = effectiveTopUpStatus(row);
  if (status === "expired") throw new Conflict("topup_expired", "This payment request has expired.");
  if (status === "paid") throw new Conflict("topup_already_paid", "This payment request is already paid.");
  return provider.buildWebhook({ providerReference: row.providerReference, amount: row.amount, paidAt: now() });
}

/**
 * "Pay" a request on the sandbox gateway: builds the signed webhook exactly as the gateway would and
 * delivers it to Lumbung's webhook handler in-process (the same code POST /api/payments/webhook runs).
 */
export async function simulateSandboxPayment({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<WebhookOutcome> {
  allowAnonymous(ctx);
  const webhook = await buildSandboxPaymentWebhook({ ctx, input });
  return handlePaymentWebhook(webhook);
}
