"use server";

import { runAction, type ActionResult } from "@/app/_shared/action-result";
import { getRequestCtx } from "@/lib/auth/session";
import { approveWithdrawal, rejectWithdrawal, updateWalletSettings } from "@/lib/wallet";

export async function approveWithdrawalAction(withdrawalId: string): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => approveWithdrawal({ ctx, input: { withdrawalId } }), "/admin");
}

export async function rejectWithdrawalAction(withdrawalId: string, reason: string): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => rejectWithdrawal({ ctx, input: { withdrawalId, reason } }), "/admin");
}

export async function updateWalletSettingsAction(input: unknown): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return runAction(() => updateWalletSettings({ ctx, input }), "/admin");
}

export type AdminResult = ActionResult;
