"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { updateLoanProduct } from "@/lib/loans/products";
import { proposeRestructure } from "@/lib/loans/restructure";
import { recordRecovery, writeOffLoan } from "@/lib/loans/write-off";
import { approveApplication, askForInformation, rejectApplication } from "@/lib/loans/review";

export type ReviewResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string };

async function run(fn: () => Promise<unknown>): Promise<ReviewResult> {
  try {
    await fn();
    revalidatePath("/admin", "layout");
    return { ok: true };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message };
    throw e;
  }
}

export async function approveApplicationAction(input: { applicationId: string; subgrade?: string; rateBps?: string }): Promise<ReviewResult> {
  const ctx = await getRequestCtx();
  return run(() =>
    approveApplication({
      ctx,
      input: { applicationId: input.applicationId, subgrade: input.subgrade || undefined, rateBps: input.rateBps || undefined },
    }),
  );
}

export async function rejectApplicationAction(applicationId: string, reason: string): Promise<ReviewResult> {
  const ctx = await getRequestCtx();
  return run(() => rejectApplication({ ctx, input: { applicationId, reason } }));
}

export async function askForInformationAction(applicationId: string, question: string): Promise<ReviewResult> {
  const ctx = await getRequestCtx();
  return run(() => askForInformation({ ctx, input: { applicationId, question } }));
}

export async function updateProductAction(input: unknown): Promise<ReviewResult> {
  const ctx = await getRequestCtx();
  return run(() => updateLoanProduct({ ctx, input }));
}

export async function proposeRestructureAction(input: unknown): Promise<ReviewResult> {
  const ctx = await getRequestCtx();
  return run(() => proposeRestructure({ ctx, input }));
}

export async function writeOffAction(loanId: string, reason: string): Promise<ReviewResult> {
  const ctx = await getRequestCtx();
  return run(() => writeOffLoan({ ctx, input: { loanId, reason } }));
}

export async function recordRecoveryAction(input: { loanId: string; amount: string; idempotencyKey: string }): Promise<ReviewResult> {
  const ctx = await getRequestCtx();
  return run(() => recordRecovery({ ctx, input }));
}
