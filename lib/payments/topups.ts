import "server-only";
import crypto from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { topUpRequests, users, type TopUpRequest, type TopUpStatus } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { NotFound, parseInput } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { explainAmountError } from "@/lib/money/rupiah";
import { paymentProvider } from "./gateway";
import { PageInput, RequestTopUpInput, TOPUP_EXPIRY_MS, TOPUP_MAX, TOPUP_MIN, TopUpIdInput } from "./schemas";

export type TopUpView = {
  id: string;
  method: "va" | "qris";
  bank: string | null;
  vaNumber: string | null;
  qrisPayload: string | null;
  amount: bigint;
  /** pending past its expiry reads as expired, against the clock. */
  status: TopUpStatus;
  providerReference: string;
  expiresAt: Date;
  paidAt: Date | null;
  createdAt: Date;
};

export function effectiveTopUpStatus(row: Pick<TopUpRequest, "status" | "expiresAt">, at: Date = now()): TopUpStatus {
  return row.status === "pending" && row.expiresAt.getTime() <= at.getTime() ? "expired" : row.status;
}

export function toTopUpView(row: TopUpRequest, at: Date = now()): TopUpView {
  return {
    id: row.id,
    method: row.method,
    bank: row.bank,
    vaNumber: row.vaNumber,
    qrisPayload: row.qrisPayload,
    amount: row.amount,
    status: effectiveTopUpStatus(row, at),
    providerReference: row.providerReference,
    expiresAt: row.expiresAt,
    paidAt: row.paidAt,
    createdAt: row.createdAt,
  };
}

/**
 * A lender or borrower asks to top up their wallet: the gateway issues a virtual account number (per
 * bank) or a QRIS payload, payable for 24 hours. Nothing moves in the ledger until the gateway's
 * webhook says it was paid.
 */
export async function requestTopUp({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<TopUpView> {
  const actor = requireRole(ctx, "lender", "borrower");
  const data = explainAmountError(() => parseInput(RequestTopUpInput, input), { min: TOPUP_MIN, max: TOPUP_MAX });
  const provider = paymentProvider();
  return withTransaction(ctx, async (tx) => {
    const at = now();
    const [user] = await tx.select({ fullName: users.fullName }).from(users).where(eq(users.id, actor.userId)).limit(1);
    if (!user) throw new NotFound("Your account");
    const id = crypto.randomUUID();
    const created = await provider.createPaymentRequest({
      orderId: id,
      amount: data.amount,
      method: data.method,
      bank: data.method === "va" ? data.bank : undefined,
      customerName: user.fullName,
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
        amount: data.amount,
        status: "pending",
        provider: provider.name,
        providerReference: created.providerReference,
        expiresAt: created.expiresAt,
        createdAt: at,
      })
      .returning();
    await track(tx, {
      name: "topup_requested",
      userId: actor.userId,
      properties: { topUpId: id, amount: data.amount, method: data.method, bank: data.method === "va" ? data.bank : null },
      context: ctx.request,
    });
    return toTopUpView(row!, at);
  });
}

/** The signed-in user's own top-up; someone else's id is NotFound. */
export async function getTopUp({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<TopUpView> {
  const actor = requireRole(ctx, "lender", "borrower");
  const parsed = TopUpIdInput.safeParse(input);
  if (!parsed.success) throw new NotFound("The top-up");
  const [row] = await dbOf(ctx)
    .select()
    .from(topUpRequests)
    .where(and(eq(topUpRequests.id, parsed.data.id), eq(topUpRequests.userId, actor.userId)))
    .limit(1);
  if (!row) throw new NotFound("The top-up");
  return toTopUpView(row);
}

/** The signed-in user's top-ups, newest first (uses topup_requests_user_created_idx). */
export async function listMyTopUps({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  const actor = requireRole(ctx, "lender", "borrower");
  const p = parseInput(PageInput, input);
  const db = dbOf(ctx);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(topUpRequests)
      .where(eq(topUpRequests.userId, actor.userId))
      .orderBy(desc(topUpRequests.createdAt), desc(topUpRequests.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(topUpRequests).where(eq(topUpRequests.userId, actor.userId)),
  ]);
  const at = now();
  return { items: rows.map((r) => toTopUpView(r, at)), total: total?.total ?? 0, page: p.page, pageSize: p.pageSize };
}
