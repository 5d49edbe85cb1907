"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { approveWithdrawal, rejectWithdrawal, updateWalletSettings } from "@/lib/wallet";

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

export async function approveWithdrawalAction(withdrawalId: string): Promise<AdminResult> {
  const ctx = await getRequestCtx();
  return run(() => approveWithdrawal({ ctx, input: { withdrawalId } }));
}

export async function rejectWithdrawalAction(withdrawalId: string, reason: string): Promise<AdminResult> {
  const ctx = await getRequestCtx();
  return run(() => rejectWithdrawal({ ctx, input: { withdrawalId, reason } }));
}

export async function updateWalletSettingsAction(input: unknown): Promise<AdminResult> {
  const ctx = await getRequestCtx();
  return run(() => updateWalletSettings({ ctx, input }));
}
