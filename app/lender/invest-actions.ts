"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { toJsonSafe } from "@/lib/money/json";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { invest } from "@/lib/loans/invest";

export type InvestActionResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string; details?: Record<string, unknown> };

/** Invest in one listed loan; the client sends one idempotency key per confirmed attempt. */
export async function investAction(input: { loanId: string; amount: string; idempotencyKey: string }): Promise<InvestActionResult> {
  const ctx = await getRequestCtx();
  try {
    // The lender's own purchase is manual whatever the request says (source "auto" is the holdback rule's).
    await invest({ ctx, input: { ...(input as object), source: "manual" } });
    revalidatePath("/lender", "layout");
    return { ok: true };
  } catch (e) {
    if (isDomainError(e)) {
      const details = e.details ? (toJsonSafe(e.details) as Record<string, unknown>) : undefined;
      return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message, details };
    }
    throw e;
  }
}
