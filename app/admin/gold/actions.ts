"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/app/_shared/action-result";
import { getRequestCtx } from "@/lib/auth/session";
import { advanceGoldWithdrawal, cancelGoldWithdrawal, updateGoldSettings } from "@/lib/gold";

/** Admin gold: price settings and bar requests. The verbs check the admin role and parse the input. */
export async function updateGoldSettingsAction(input: unknown): Promise<ActionResult> {
  // Both areas show prices, so both are refreshed.
  const result = await runAction(async () => updateGoldSettings({ ctx: await getRequestCtx(), input }), "/admin/gold");
  if (result.ok) {
    revalidatePath("/lender/gold");
  }
  return result;
}

export async function advanceGoldWithdrawalAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => advanceGoldWithdrawal({ ctx: await getRequestCtx(), input }), "/admin/gold");
}

export async function cancelGoldWithdrawalAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => cancelGoldWithdrawal({ ctx: await getRequestCtx(), input }), "/admin/gold");
}
