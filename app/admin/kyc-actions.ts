"use server";

import { runAction, type ActionResult } from "@/app/_shared/action-result";
import { getRequestCtx } from "@/lib/auth/session";
import { approveKycStep, rejectKycStep } from "@/lib/kyc";

export async function approveKycStepAction(userId: string, step: string): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => approveKycStep({ ctx, input: { userId, step } }), "/admin");
}

export async function rejectKycStepAction(userId: string, step: string, reason: string): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => rejectKycStep({ ctx, input: { userId, step, reason } }), "/admin");
}

export type AdminResult = ActionResult;
