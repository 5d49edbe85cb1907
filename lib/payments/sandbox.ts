import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type {
  CreatePaymentRequest,
  CreatePayout,
  PaymentProvider,
  PaymentRequestCreated,
  PayoutResult,
  WebhookVerification,
} from "./provider";
import { buildQrisPayload } from "./qris";
import type { BankCode } from "./schemas";
import { headerValue, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature, type HeaderBag } from "./webhook-signature";

/** Virtual-account prefixes per bank (company codes as the big gateways use them). */
export const SANDBOX_VA_PREFIX: Record<BankCode, string> = {
  BCA: "39358",
  BNI: "8808",
  BRI: "26215",
  MANDIRI: "89508",
  PERMATA: "8625",
};
const VA_LENGTH = 16;

function randomDigits(count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += crypto.randomInt(0, 10).toString();
  return out;
}

/** The body the sandbox gateway posts when a request is paid. Amount is a decimal string (no floats). */
export const SandboxWebhookBody = z.object({
  event: z.literal("payment.paid"),
  reference: z.string().min(1).max(100),
  amount: z.string().regex(/^\d{1,20}$/),
  currency: z.literal("IDR"),
  paid_at: z.string().datetime({ offset: true }),
});
export type SandboxWebhookBody = z.infer<typeof SandboxWebhookBody>;

/**
 * The built-in gateway. It behaves like an Indonesian one: a virtual account number per bank or a
 * QRIS payload, valid 24 hours; HMAC-signed webhooks; payouts that settle at once.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = "sandbox";

  constructor(private readonly secret: string) {}

  async createPaymentRequest(input: CreatePaymentRequest): Promise<PaymentRequestCreated> {
    const providerReference = `SBX-${crypto.randomBytes(10).toString("hex").toUpperCase()}`;
    if (input.method === "va") {
      if (!input.bank) throw new Error("sandbox: a virtual account needs a bank");
      const prefix = SANDBOX_VA_PREFIX[input.bank];
      return { providerReference, vaNumber: prefix + randomDigits(VA_LENGTH - prefix.length), qrisPayload: null, expiresAt: input.expiresAt };
    }
    return {
      providerReference,
      vaNumber: null,
      qrisPayload: buildQrisPayload({ reference: providerReference, amount: input.amount }),
      expiresAt: input.expiresAt,
    };
  }

  verifyWebhook({ rawBody, headers, at }: { rawBody: string; headers: HeaderBag; at: Date }): WebhookVerification {
    const signature = verifyWebhookSignature({
      secret: this.secret,
      rawBody,
      signature: headerValue(headers, SIGNATURE_HEADER),
      timestamp: headerValue(headers, TIMESTAMP_HEADER),
      at,
    });
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      json = undefined;
    }
    // Only for the delivery log: which request a refused webhook claimed to be about.
    const claimed = (json as { reference?: unknown } | null | undefined)?.reference;
    const providerReference = typeof claimed === "string" ? claimed.slice(0, 100) : undefined;
    if (!signature.ok) return { ok: false, reason: signature.reason, status: 401, providerReference };
    const parsed = SandboxWebhookBody.safeParse(json);
    if (!parsed.success) return { ok: false, reason: "malformed_body", status: 400, providerReference };
    return {
      ok: true,
      payment: { providerReference: parsed.data.reference, amount: BigInt(parsed.data.amount), paidAt: new Date(parsed.data.paid_at) },
    };
  }

  async createPayout(input: CreatePayout): Promise<PayoutResult> {
    // Deterministic per withdrawal: asking twice for one payout gives the same payout, as an idempotent API does.
    const digest = crypto.createHash("sha256").update(`payout:${input.reference}`).digest("hex").slice(0, 20).toUpperCase();
    return { payoutReference: `SBXPO-${digest}`, status: "paid" };
  }

  /** What the sandbox gateway sends when a request is paid: the body, signed with the shared secret. */
  buildWebhook({ providerReference, amount, paidAt }: { providerReference: string; amount: bigint; paidAt: Date }) {
    const body: SandboxWebhookBody = {
      event: "payment.paid",
      reference: providerReference,
      amount: amount.toString(),
      currency: "IDR",
      paid_at: paidAt.toISOString(),
    };
    const rawBody = JSON.stringify(body);
    const timestamp = Math.floor(paidAt.getTime() / 1000);
    return {
      rawBody,
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: signWebhook(this.secret, timestamp, rawBody),
        [TIMESTAMP_HEADER]: String(timestamp),
      } as Record<string, string>,
    };
  }
}
