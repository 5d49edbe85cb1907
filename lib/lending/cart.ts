import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { cartItems, loanApplications, loanProducts, loans, type CartItemRow } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, isDomainError, NotFound, parseInput } from "@/lib/errors";
import { toJsonSafe } from "@/lib/money/json";
import { readUserCashBalances } from "@/lib/ledger";
import { invest, lenderReturn } from "@/lib/loans";
import { logger } from "@/lib/logger";
import { AddToCartInput, CheckoutInput, RemoveFromCartInput, UpdateCartItemInput } from "./schemas";

/**
 * The lender's cart. Items are only intentions: no money is held until checkout, where each item
 * invests on its own through invest() (KYC, risk check, lender limit, balance and overfunding are all
 * checked there, in the item's own transaction). A failed item stays in the cart with its reason.
 */

async function openLoan(ctx: Ctx, loanId: string) {
  const [row] = await dbOf(ctx)
    .select({ loan: loans, product: loanProducts.code })
    .from(loans)
    .innerJoin(loanProducts, eq(loanProducts.id, loans.productId))
    .where(eq(loans.id, loanId))
    .limit(1);
  if (!row) throw new NotFound("The loan");
  if (row.loan.status !== "funding" || row.loan.fundingDeadline.getTime() <= now().getTime()) {
    throw new Conflict("loan_not_funding", "This loan is no longer open for funding.");
  }
  const remaining = row.loan.principal - row.loan.fundedAmount;
  return { ...row, remaining };
}

/** Adds a loan with an amount (or replaces the amount when it is already in the cart). */
export async function addToCart({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<CartItemRow> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(AddToCartInput, input);
  return withTransaction(ctx, async (tx, c) => {
    const { loan, product, remaining } = await openLoan(c, data.loanId);
    if (data.amount > remaining) throw new Conflict("loan_oversubscribed", "More than what is still available on this loan.", { available: remaining });
    const at = now();
    const [item] = await tx
      .insert(cartItems)
      .values({ lenderId: actor.userId, loanId: loan.id, amount: data.amount, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: [cartItems.lenderId, cartItems.loanId], set: { amount: data.amount, lastErrorCode: null, lastError: null, updatedAt: at } })
      .returning();
    await track(tx, { name: "cart_item_added", userId: actor.userId, properties: { loanId: loan.id, product, amount: data.amount }, context: ctx.request });
    return item!;
  });
}

async function ownItem(ctx: Ctx, lenderId: string, itemId: string): Promise<CartItemRow> {
  const [item] = await dbOf(ctx).select().from(cartItems).where(and(eq(cartItems.id, itemId), eq(cartItems.lenderId, lenderId))).limit(1);
  if (!item) throw new NotFound("The cart item");
  return item;
}

export async function updateCartItem({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<CartItemRow> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(UpdateCartItemInput, input);
  return withTransaction(ctx, async (tx, c) => {
    await ownItem(c, actor.userId, data.itemId);
    const [item] = await tx
      .update(cartItems)
      .set({ amount: data.amount, lastErrorCode: null, lastError: null, updatedAt: now() })
      .where(and(eq(cartItems.id, data.itemId), eq(cartItems.lenderId, actor.userId)))
      .returning();
    return item!;
  });
}

export async function removeFromCart({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(RemoveFromCartInput, input);
  await withTransaction(ctx, async (tx, c) => {
    await ownItem(c, actor.userId, data.itemId);
    await tx.delete(cartItems).where(and(eq(cartItems.id, data.itemId), eq(cartItems.lenderId, actor.userId)));
  });
}

/** The number of items, for the nav. */
export async function countMyCartItems({ ctx }: { ctx: Ctx }): Promise<number> {
  const actor = requireRole(ctx, "lender");
  const [row] = await dbOf(ctx).select({ n: count() }).from(cartItems).where(eq(cartItems.lenderId, actor.userId));
  return row?.n ?? 0;
}

export type CartLine = {
  id: string;
  loanId: string;
  amount: bigint;
  productCode: string;
  productName: string;
  businessName: string;
  subgrade: string;
  rateBps: number;
  tenor: number;
  tenorUnit: "months" | "days";
  remaining: bigint;
  open: boolean;
  /** Interest this amount earns per the schedule, after the lender service fee. */
  expectedReturn: bigint;
  lastError: { code: string; message: string; details?: Record<string, unknown> } | null;
};

export type Cart = { items: CartLine[]; total: bigint; expectedReturn: bigint; available: bigint; cashAfter: bigint };

/** The review: each item with its expected return, the total, and the cash left after checkout. */
export async function getMyCart({ ctx }: { ctx: Ctx }): Promise<Cart> {
  const actor = requireRole(ctx, "lender");
  const db = dbOf(ctx);
  const at = now();
  const rows = await db
    .select({ item: cartItems, loan: loans, productName: loanProducts.name, business: loanApplications.business })
    .from(cartItems)
    .innerJoin(loans, eq(loans.id, cartItems.loanId))
    .innerJoin(loanProducts, eq(loanProducts.id, loans.productId))
    .innerJoin(loanApplications, eq(loanApplications.id, loans.applicationId))
    .where(eq(cartItems.lenderId, actor.userId))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.id));
  const items: CartLine[] = rows.map(({ item, loan, productName, business }) => ({
    id: item.id,
    loanId: loan.id,
    amount: item.amount,
    productCode: loan.productCode,
    productName,
    businessName: business.legalName ?? "",
    subgrade: loan.subgrade,
    rateBps: loan.rateBps,
    tenor: loan.tenor,
    tenorUnit: loan.tenorUnit,
    remaining: loan.principal - loan.fundedAmount,
    open: loan.status === "funding" && loan.fundingDeadline.getTime() > at.getTime(),
    expectedReturn: lenderReturn(loan, item.amount, at).interestNet,
    lastError: item.lastErrorCode ? { code: item.lastErrorCode, message: item.lastError?.message ?? "", details: item.lastError?.details } : null,
  }));
  const total = items.reduce((s, i) => s + i.amount, 0n);
  const { available } = await readUserCashBalances(db, actor.userId);
  return { items, total, expectedReturn: items.reduce((s, i) => s + i.expectedReturn, 0n), available, cashAfter: available - total };
}

export type CheckoutItemResult = {
  itemId: string;
  loanId: string;
  productCode: string;
  amount: bigint;
  ok: boolean;
  investmentId?: string;
  error?: { code: string; message: string; details?: Record<string, unknown> };
};

/** Error details as stored with the item and sent to the page: JSON-safe, typed params kept (lib/money/params.ts). */
const jsonDetails = (d?: Record<string, unknown>) => (d ? (toJsonSafe(d) as Record<string, unknown>) : undefined);

/**
 * Invests every item, each in its own transaction with the key `checkout:<checkoutId>:<itemId>`, so a
 * retried checkout invests nothing twice. Successful items leave the cart in the transaction that
 * invests them; failed ones stay with the reason. Needs its own transactions: never pass ctx.tx.
 */
export async function checkout({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ checkoutId: string; results: CheckoutItemResult[]; succeeded: number; failed: number }> {
  const actor = requireRole(ctx, "lender");
  const { checkoutId } = parseInput(CheckoutInput, input);
  if (ctx.tx) throw new Error("checkout runs one transaction per item; call it without ctx.tx");
  const db = getDb();
  const items = await db
    .select({ item: cartItems, product: loans.productCode })
    .from(cartItems)
    .innerJoin(loans, eq(loans.id, cartItems.loanId))
    .where(eq(cartItems.lenderId, actor.userId))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.id));
  if (items.length === 0) throw new Conflict("cart_empty", "Your cart is empty.");
  await db.transaction(async (tx) => {
    for (const { item, product } of items) {
      await track(tx, { name: "checkout_started", userId: actor.userId, properties: { checkoutId, itemId: item.id, loanId: item.loanId, product, amount: item.amount }, context: ctx.request });
    }
  });
  const results: CheckoutItemResult[] = [];
  for (const { item, product } of items) {
    const base = { itemId: item.id, loanId: item.loanId, productCode: product, amount: item.amount };
    try {
      const investmentId = await db.transaction(async (tx) => {
        // Claim the item first: a second checkout of the same cart (another tab) waits on this row
        // and then finds it gone, so an item is bought once. A failed purchase rolls the claim back.
        const [claimed] = await tx.delete(cartItems).where(eq(cartItems.id, item.id)).returning({ id: cartItems.id });
        if (!claimed) throw new Conflict("cart_item_taken", "This item was just checked out in another window.");
        const res = await invest({ ctx: { ...ctx, tx }, input: { loanId: item.loanId, amount: item.amount.toString(), idempotencyKey: `checkout:${checkoutId}:${item.id}`, source: "manual" } });
        await track(tx, { name: "checkout_completed", userId: actor.userId, properties: { checkoutId, loanId: item.loanId, product, amount: item.amount, outcome: "invested", investmentId: res.investment.id }, context: ctx.request });
        return res.investment.id;
      });
      results.push({ ...base, ok: true, investmentId });
    } catch (e) {
      const error = isDomainError(e) ? { code: e.code, message: e.message, details: jsonDetails(e.details) } : { code: "internal_error", message: "Something went wrong on our side." };
      if (!isDomainError(e)) logger.error("checkout item failed", { error: String(e), itemId: item.id });
      await db.transaction(async (tx) => {
        await tx.update(cartItems).set({ lastErrorCode: error.code, lastError: { message: error.message, details: error.details }, updatedAt: now() }).where(eq(cartItems.id, item.id));
        await track(tx, { name: "checkout_completed", userId: actor.userId, properties: { checkoutId, loanId: item.loanId, product, amount: item.amount, outcome: "failed", reason: error.code }, context: ctx.request });
      });
      results.push({ ...base, ok: false, error });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { checkoutId, results, succeeded, failed: results.length - succeeded };
}
