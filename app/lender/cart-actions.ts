"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { toJsonSafe } from "@/lib/money/json";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { addToCart, checkout, removeFromCart, updateCartItem } from "@/lib/lending/cart";

export type CartActionResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string; details?: Record<string, unknown> };
export type CheckoutActionResult = CartActionResult & {
  results?: { itemId: string; loanId: string; amount: string; ok: boolean; error?: { code: string; message: string; details?: Record<string, unknown> } }[];
};

function failure(e: unknown): CartActionResult {
  if (isDomainError(e)) {
    const details = e.details ? (toJsonSafe(e.details) as Record<string, unknown>) : undefined;
    return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message, details };
  }
  throw e;
}

async function run(fn: (ctx: Awaited<ReturnType<typeof getRequestCtx>>) => Promise<unknown>): Promise<CartActionResult> {
  const ctx = await getRequestCtx();
  try {
    await fn(ctx);
    revalidatePath("/lender", "layout");
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

export async function addToCartAction(input: { loanId: string; amount: string }) {
  return run((ctx) => addToCart({ ctx, input }));
}
export async function updateCartItemAction(input: { itemId: string; amount: string }) {
  return run((ctx) => updateCartItem({ ctx, input }));
}
export async function removeFromCartAction(input: { itemId: string }) {
  return run((ctx) => removeFromCart({ ctx, input }));
}

/** Checks out the whole cart; the client sends one checkout id per confirmed attempt. */
export async function checkoutAction(input: { checkoutId: string }): Promise<CheckoutActionResult> {
  const ctx = await getRequestCtx();
  try {
    const out = await checkout({ ctx, input });
    revalidatePath("/lender", "layout");
    return { ok: true, results: out.results.map((r) => ({ itemId: r.itemId, loanId: r.loanId, amount: r.amount.toString(), ok: r.ok, error: r.error })) };
  } catch (e) {
    return failure(e);
  }
}
