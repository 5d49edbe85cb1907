"use server";

import { runAction, type ActionResult } from "@/app/_shared/action-result";
import { getRequestCtx } from "@/lib/auth/session";
import { createLoanProduct, updateLoanProduct } from "@/lib/loans/products";
import { proposeRestructure } from "@/lib/loans/restructure";
import { recordRecovery, writeOffLoan } from "@/lib/loans/write-off";
import { approveApplication, askForInformation, rejectApplication } from "@/lib/loans/review";

export async function approveApplicationAction(input: { applicationId: string; subgrade?: string; rateBps?: string }): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() =>
    approveApplication({
      ctx,
      input: { applicationId: input.applicationId, subgrade: input.subgrade || undefined, rateBps: input.rateBps || undefined },
    }),
    "/admin",
  );
}

export async function rejectApplicationAction(applicationId: string, reason: string): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => rejectApplication({ ctx, input: { applicationId, reason } }), "/admin");
}

export async function askForInformationAction(applicationId: string, question: string): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => askForInformation({ ctx, input: { applicationId, question } }), "/admin");
}

export async function updateProductAction(input: unknown): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => updateLoanProduct({ ctx, input }), "/admin");
}

export async function createProductAction(input: unknown): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => createLoanProduct({ ctx, input }), "/admin");
}

export async function proposeRestructureAction(input: unknown): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => proposeRestructure({ ctx, input }), "/admin");
}

export async function writeOffAction(loanId: string, reason: string): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => writeOffLoan({ ctx, input: { loanId, reason } }), "/admin");
}

export async function recordRecoveryAction(input: { loanId: string; amount: string; idempotencyKey: string }): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => recordRecovery({ ctx, input }), "/admin");
}

export type ReviewResult = ActionResult;
