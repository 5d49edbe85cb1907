"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { approveKycStep, rejectKycStep } from "@/lib/kyc";

export type AdminResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string };

async function run(fn: () => Promise<unknown>): Promise<AdminResult> {
  try {
    await fn();
    revalidatePath("/admin", "layout");
    return { ok: true };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message };
    throw e;
  }
}

export async function approveKycStepAction(userId: string, step: string): Promise<AdminResult> {
  const ctx = await getRequestCtx();
  return run(() => approveKycStep({ ctx, input: { userId, step } }));
}

export async function rejectKycStepAction(userId: string, step: string, reason: string): Promise<AdminResult> {
  const ctx = await getRequestCtx();
  return run(() => rejectKycStep({ ctx, input: { userId, step, reason } }));
}
