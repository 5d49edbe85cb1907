"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { reactivateUser, suspendUser } from "@/lib/system/user-suspension";

export type SuspensionResult = { ok: boolean; error?: string };

async function run(fn: () => Promise<void>, userId: string): Promise<SuspensionResult> {
  try {
    await fn();
    revalidatePath(`/admin/users/${userId}`);
    return { ok: true };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, error: e.code };
    throw e;
  }
}

export async function suspendUserAction(userId: string): Promise<SuspensionResult> {
  const ctx = await getRequestCtx();
  return run(() => suspendUser({ ctx, input: { userId } }), userId);
}

export async function reactivateUserAction(userId: string): Promise<SuspensionResult> {
  const ctx = await getRequestCtx();
  return run(() => reactivateUser({ ctx, input: { userId } }), userId);
}
