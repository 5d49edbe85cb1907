"use server";

import { runAction, type ActionResult } from "@/app/_shared/action-result";
import { getRequestCtx } from "@/lib/auth/session";
import {
  cancelMyGoldWithdrawal,
  createPriceAlert,
  createRecurringPlan,
  deletePriceAlert,
  deleteRecurringPlan,
  pauseRecurringPlan,
  requestGoldWithdrawal,
  updateRecurringPlan,
} from "@/lib/gold";

const PATH = "/lender/gold";

/** Recurring buys, alerts and bar requests: each action parses nothing itself; the verb does. */
export async function createPlanAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => createRecurringPlan({ ctx: await getRequestCtx(), input }), PATH);
}

export async function updatePlanAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => updateRecurringPlan({ ctx: await getRequestCtx(), input }), PATH);
}

export async function setPlanActiveAction(input: { planId: string; active: boolean }): Promise<ActionResult> {
  return runAction(async () => pauseRecurringPlan({ ctx: await getRequestCtx(), input: { planId: input.planId, paused: !input.active } }), PATH);
}

export async function deletePlanAction(input: { planId: string }): Promise<ActionResult> {
  return runAction(async () => deleteRecurringPlan({ ctx: await getRequestCtx(), input }), PATH);
}

export async function createAlertAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => createPriceAlert({ ctx: await getRequestCtx(), input }), PATH);
}

export async function deleteAlertAction(input: { alertId: string }): Promise<ActionResult> {
  return runAction(async () => deletePriceAlert({ ctx: await getRequestCtx(), input }), PATH);
}

export async function cancelBarsAction(input: { withdrawalId: string }): Promise<ActionResult> {
  return runAction(async () => cancelMyGoldWithdrawal({ ctx: await getRequestCtx(), input }), PATH);
}

export async function requestBarsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => requestGoldWithdrawal({ ctx: await getRequestCtx(), input }), PATH);
}
