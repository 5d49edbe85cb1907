"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { toJsonSafe } from "@/lib/money/json";
import { saveApplicationStep, submitApplication, uploadApplicationDocument } from "@/lib/loans/applications";
import { acceptAgreement } from "@/lib/loans/disburse";
import { createRepaymentLink } from "@/lib/loans/payment-link";
import { payOffEarly, repayFromWallet } from "@/lib/loans/repay";
import { answerQuestion } from "@/lib/loans/review";

export type LoanActionResult = { ok: boolean; applicationId?: string; error?: string; fields?: FieldErrors; message?: string; details?: Record<string, unknown> };

async function run(fn: () => Promise<unknown>): Promise<LoanActionResult> {
  try {
    const value = (await fn()) as { applicationId?: string } | undefined;
    revalidatePath("/borrower", "layout");
    return { ok: true, applicationId: value?.applicationId };
  } catch (e) {
    // details: the error's typed figures (lib/money/params.ts), rendered in the reader's language by the form.
    if (isDomainError(e)) return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message, details: e.details ? (toJsonSafe(e.details) as Record<string, unknown>) : undefined };
    throw e;
  }
}

export async function saveApplicationStepAction(input: unknown): Promise<LoanActionResult> {
  const ctx = await getRequestCtx();
  return run(() => saveApplicationStep({ ctx, input }));
}

export async function uploadApplicationDocumentAction(form: FormData): Promise<LoanActionResult> {
  const ctx = await getRequestCtx();
  const file = form.get("file");
  if (!(file instanceof File)) return { ok: false, fields: { file: "fileEmpty" } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return run(() =>
    uploadApplicationDocument({
      ctx,
      input: { applicationId: form.get("applicationId"), kind: form.get("kind"), fileName: file.name || "document", bytes },
    }),
  );
}

export async function submitApplicationAction(applicationId: string): Promise<LoanActionResult> {
  const ctx = await getRequestCtx();
  const result = await run(() => submitApplication({ ctx, input: { applicationId } }));
  if (result.ok) redirect("/borrower/loans");
  return result;
}

export async function answerQuestionAction(input: unknown): Promise<LoanActionResult> {
  const ctx = await getRequestCtx();
  return run(() => answerQuestion({ ctx, input }));
}

export async function acceptAgreementAction(loanId: string): Promise<LoanActionResult> {
  const ctx = await getRequestCtx();
  return run(() => acceptAgreement({ ctx, input: { loanId } }));
}

export async function repayFromWalletAction(loanId: string, idempotencyKey: string): Promise<LoanActionResult> {
  const ctx = await getRequestCtx();
  return run(() => repayFromWallet({ ctx, input: { loanId, idempotencyKey } }));
}

export async function payOffEarlyAction(loanId: string, idempotencyKey: string): Promise<LoanActionResult> {
  const ctx = await getRequestCtx();
  return run(() => payOffEarly({ ctx, input: { loanId, idempotencyKey } }));
}

export async function createRepaymentLinkAction(loanId: string, method: "va" | "qris"): Promise<LoanActionResult & { url?: string }> {
  const ctx = await getRequestCtx();
  try {
    const link = await createRepaymentLink({ ctx, input: method === "va" ? { loanId, method, bank: "BCA" } : { loanId, method } });
    revalidatePath("/borrower", "layout");
    return { ok: true, url: link.shareUrl };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, error: e.code, message: e.message };
    throw e;
  }
}
