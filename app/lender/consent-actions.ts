"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { consentToRestructure } from "@/lib/loans/restructure";

export async function consentToRestructureAction(restructureId: string): Promise<{ ok: boolean; error?: string; message?: string }> {
  const ctx = await getRequestCtx();
  try {
    await consentToRestructure({ ctx, input: { restructureId } });
    revalidatePath("/lender", "layout");
    return { ok: true };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, error: e.code, message: e.message };
    throw e;
  }
}
