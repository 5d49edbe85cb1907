import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { topUpRequests, webhookDeliveries } from "@/db/schema";
import { now } from "@/lib/clock";
import { systemCtx, withTransaction } from "@/lib/context";
import { track } from "@/lib/engagement";
import { ensurePlatformAccount, ensureUserAccounts, transfer } from "@/lib/ledger";
import { logger } from "@/lib/logger";
import { isDomainError } from "@/lib/errors";
import { applyRepaymentInTx } from "@/lib/loans/internal/repayment-core";
import { WebhookRejected } from "./errors";
import { paymentProvider } from "./gateway";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, headerValue, type HeaderBag } from "./webhook-signature";
import { onCashArrived } from "@/lib/autopurchase/internal/triggers";

export const MAX_WEBHOOK_BODY = 64 * 1024;

export type WebhookOutcome = {
  /** accepted: this delivery credited the wallet; duplicate: an earlier one did, nothing moved now. */
  outcome: "accepted" | "duplicate";
  topUpId: string;
  status: 200;
};

type Rejection = { reason: string; status: number; message: string; providerReference?: string; topUpRequestId?: string };

const MESSAGES: Record<string, string> = {
  missing_signature: "The webhook has no signature.",
  invalid_timestamp: "The webhook timestamp is not valid.",
  stale_timestamp: "The webhook timestamp is more than 5 minutes away from now.",
  invalid_signature: "The webhook signature does not match.",
  malformed_body: "The webhook body is not a payment notification.",
  body_too_large: "The webhook body is too large.",
  unknown_reference: "No payment request has this reference.",
  amount_mismatch: "The paid amount differs from the requested amount.",
  expired: "The payment request had expired before it was paid.",
};

function reject(reason: string, status: number, extra: Partial<Rejection> = {}): Rejection {
  return { reason, status, message: MESSAGES[reason] ?? "The webhook was refused.", ...extra };
}

async function logDelivery(
  db: DbOrTx,
  provider: string,
  rawBody: string,
  headers: HeaderBag,
  row: { outcome: "accepted" | "duplicate" | "rejected"; statusCode: number; reason?: string; providerReference?: string; topUpRequestId?: string },
) {
  await db.insert(webhookDeliveries).values({
    provider,
    receivedAt: now(),
    providerReference: row.providerReference?.slice(0, 200) ?? null,
    topUpRequestId: row.topUpRequestId ?? null,
    outcome: row.outcome,
    reason: row.reason ?? null,
    statusCode: row.statusCode,
    rawBody: rawBody.slice(0, MAX_WEBHOOK_BODY),
    // Only what proves the delivery: no cookies or other headers are kept.
    headers: {
      [SIGNATURE_HEADER]: headerValue(headers, SIGNATURE_HEADER)?.slice(0, 200) ?? "",
      [TIMESTAMP_HEADER]: headerValue(headers, TIMESTAMP_HEADER)?.slice(0, 40) ?? "",
    },
  });
}

/**
 * A repayment link was paid: the money is in the borrower's wallet (above, same transaction); apply it
 * to the loan now. In a savepoint, so a loan that owes nothing any more (paid meanwhile from the
 * wallet) leaves the money in the wallet instead of refusing the gateway's payment.
 */
async function applyLinkedRepayment(tx: DbOrTx, request: { id: string; userId: string; loanId: string | null; amount: bigint }) {
  try {
    await tx.transaction((sp) =>
      applyRepaymentInTx(sp, {
        loanId: request.loanId!,
        amount: request.amount,
        payerId: request.userId,
        source: "payment_link",
        mode: "due",
        idempotencyKey: `link:${request.id}`,
        from: "borrower_cash",
      }),
    );
  } catch (e) {
    if (!isDomainError(e)) throw e;
    logger.info("repayment link paid into the wallet only", { topUpId: request.id, reason: e.code });
  }
}

/**
 * POST /api/payments/webhook: the gateway says a payment request was paid. The signature and
 * timestamp are checked first; then, holding the request's row lock, the wallet is credited once:
 * replays (any number, concurrent or not) find the request paid and move nothing. A bad signature, an
 * unknown reference or a different amount credits nothing and throws a WebhookRejected (4xx). Every
 * delivery is logged in webhook_deliveries with its outcome.
 */
export async function handlePaymentWebhook({ rawBody, headers }: { rawBody: string; headers: HeaderBag }): Promise<WebhookOutcome> {
  const ctx = systemCtx("payments.webhook");
  const provider = paymentProvider();

  let rejection: Rejection | undefined;
  let outcome: WebhookOutcome | undefined;
  if (rawBody.length > MAX_WEBHOOK_BODY) {
    rejection = reject("body_too_large", 413);
  } else {
    const verified = provider.verifyWebhook({ rawBody, headers, at: now() });
    if (!verified.ok) {
      rejection = reject(verified.reason, verified.status, { providerReference: verified.providerReference });
    } else {
      const payment = verified.payment;
      const result = await withTransaction(ctx, async (tx): Promise<WebhookOutcome | Rejection> => {
        const [request] = await tx
          .select()
          .from(topUpRequests)
          .where(eq(topUpRequests.providerReference, payment.providerReference))
          .for("update")
          .limit(1);
        const ref = { providerReference: payment.providerReference, topUpRequestId: request?.id };
        let result: WebhookOutcome | Rejection;
        if (!request) {
          result = reject("unknown_reference", 404, ref);
        } else if (request.amount !== payment.amount) {
          result = reject("amount_mismatch", 422, ref);
        } else if (request.status === "paid") {
          result = { outcome: "duplicate", topUpId: request.id, status: 200 };
        } else if (request.status === "expired" || payment.paidAt.getTime() > request.expiresAt.getTime()) {
          result = reject("expired", 409, ref);
        } else {
          const at = now();
          const [clearing, mine] = await Promise.all([ensurePlatformAccount(tx, "gateway_clearing"), ensureUserAccounts(tx, request.userId)]);
          await transfer(tx, {
            debit: clearing.id,
            credit: mine.user_cash.id,
            amount: request.amount,
            unit: "IDR",
            kind: "topup",
            idempotencyKey: `topup:${request.id}`,
            reference: { type: "topup", id: request.id },
            metadata: { provider: provider.name, providerReference: payment.providerReference, method: request.method },
          });
          await tx.update(topUpRequests).set({ status: "paid", paidAt: at }).where(eq(topUpRequests.id, request.id));
          if (request.purpose === "loan_repayment" && request.loanId) await applyLinkedRepayment(tx, request);
          else await onCashArrived(tx, [request.userId]);
          await track(tx, {
            name: "topup_paid",
            userId: request.userId,
            properties: { topUpId: request.id, amount: request.amount, method: request.method, bank: request.bank },
          });
          result = { outcome: "accepted", topUpId: request.id, status: 200 };
        }
        if ("reason" in result) {
          await logDelivery(tx, provider.name, rawBody, headers, { outcome: "rejected", statusCode: result.status, ...result });
        } else {
          await logDelivery(tx, provider.name, rawBody, headers, {
            outcome: result.outcome,
            statusCode: 200,
            providerReference: payment.providerReference,
            topUpRequestId: result.topUpId,
          });
        }
        return result;
      });
      if ("reason" in result) rejection = result;
      else outcome = result;
    }
  }

  if (outcome) return outcome;
  const r = rejection!;
  // Signature, body and size failures never reached a transaction: they are logged on their own.
  if (r.status === 401 || r.status === 400 || r.status === 413) {
    await logDelivery(getDb(), provider.name, rawBody, headers, { outcome: "rejected", statusCode: r.status, reason: r.reason, providerReference: r.providerReference }).catch(
      (e) => logger.error("could not log a rejected webhook", { error: String(e) }),
    );
  }
  logger.warn("payment webhook rejected", { reason: r.reason, status: r.status, providerReference: r.providerReference });
  throw new WebhookRejected(r.reason, r.status, r.message);
}
