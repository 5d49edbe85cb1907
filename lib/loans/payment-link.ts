import "server-only";
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { loans, topUpRequests, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, NotFound, parseInput } from "@/lib/errors";
import { env } from "@/lib/env";
import { paymentProvider } from "@/lib/payments/gateway";
import { TOPUP_EXPIRY_MS } from "@/lib/payments/schemas";
import { toTopUpView, type TopUpView } from "@/lib/payments/topups";
import { payableNow } from "./internal/repayment-core";
import { RepaymentLinkInput } from "./schemas";
import { currentInstallments } from "./internal/store";

export type RepaymentLinkView = TopUpView & { loanId: string; shareUrl: string };

/**
 * A virtual account or QRIS payment request for what is due on a loan now (overdue, late fees and
 * the next installment). Anyone with the link can pay it; the gateway's webhook credits the
 * borrower's wallet and applies the repayment from it in the same transaction (lib/payments/webhook).
 */
export async function createRepaymentLink({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<RepaymentLinkView> {
  const actor = requireRole(ctx, "borrower");
  const data = parseInput(RepaymentLinkInput, input);
  const provider = paymentProvider();
  return withTransaction(ctx, async (tx) => {
    const [loan] = await tx.select().from(loans).where(and(eq(loans.id, data.loanId), eq(loans.borrowerId, actor.userId))).limit(1);
    if (!loan) throw new NotFound("The loan");
    if (!["active", "late", "default"].includes(loan.status)) throw new Conflict("loan_not_payable", "Nothing can be paid on this loan.");
    const at = now();
    const { total } = payableNow(loan, await currentInstallments(tx, loan), "due", at);
    if (total <= 0n) throw new Conflict("nothing_due", "Nothing is owed on this loan right now.");
    const [user] = await tx.select({ fullName: users.fullName }).from(users).where(eq(users.id, actor.userId));
    const id = crypto.randomUUID();
    const created = await provider.createPaymentRequest({
      orderId: id,
      amount: total,
      method: data.method,
      bank: data.method === "va" ? data.bank : undefined,
      customerName: user!.fullName,
      expiresAt: new Date(at.getTime() + TOPUP_EXPIRY_MS),
    });
    const [row] = await tx
      .insert(topUpRequests)
      .values({
        id,
        userId: actor.userId,
        method: data.method,
        bank: data.method === "va" ? data.bank : null,
        vaNumber: created.vaNumber,
        qrisPayload: created.qrisPayload,
        amount: total,
        status: "pending",
        provider: provider.name,
        providerReference: created.providerReference,
        expiresAt: created.expiresAt,
        createdAt: at,
        purpose: "loan_repayment",
        loanId: loan.id,
      })
      .returning();
    await track(tx, { name: "loan_repayment_link_created", userId: actor.userId, properties: { loanId: loan.id, topUpId: id, amount: total, method: data.method }, context: ctx.request });
    return { ...toTopUpView(row!, at), loanId: loan.id, shareUrl: `${env().publicUrl}/sandbox/pay/${encodeURIComponent(created.providerReference)}` };
  });
}
