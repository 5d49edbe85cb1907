"use server";

import { revalidatePath } from "next/cache";
import { domainFailure, type ActionResult } from "@/app/_shared/action-result";
import { getRequestCtx } from "@/lib/auth/session";
import { archiveStrategy } from "@/lib/autopurchase/archive-strategy";
import { createStrategy } from "@/lib/autopurchase/create-strategy";
import { acceptPowerOfAttorney } from "@/lib/autopurchase/power-of-attorney";
import { reorderStrategies } from "@/lib/autopurchase/reorder-strategies";
import { setStrategyActive } from "@/lib/autopurchase/set-strategy-active";
import { updateStrategy } from "@/lib/autopurchase/update-strategy";

/**
 * Server actions of /lender/auto-purchase: each parses nothing itself (the verbs do) and maps a
 * DomainError to field errors / a code for the form.
 */
const AREA = "/lender";

async function run<T>(fn: () => Promise<T>): Promise<ActionResult & { id?: string }> {
  try {
    const out = await fn();
    revalidatePath(AREA, "layout");
    const id = out && typeof out === "object" && "id" in out && typeof out.id === "string" ? out.id : undefined;
    return { ok: true, id };
  } catch (e) {
    return domainFailure(e);
  }
}

export async function createStrategyAction(values: unknown) {
  const ctx = await getRequestCtx();
  return run(() => createStrategy({ ctx, input: values }));
}

export async function updateStrategyAction(strategyId: string, values: unknown) {
  const ctx = await getRequestCtx();
  const result = await run(() => updateStrategy({ ctx, input: { strategyId, strategy: values } }));
  // The verb nests the rules under "strategy"; the form knows the fields by their own names.
  if (result.fields) result.fields = Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k.replace(/^strategy\./, ""), v]));
  return result;
}

export async function archiveStrategyAction(strategyId: string) {
  const ctx = await getRequestCtx();
  return run(() => archiveStrategy({ ctx, input: { strategyId } }));
}

export async function reorderStrategiesAction(orderedIds: string[]) {
  const ctx = await getRequestCtx();
  return run(() => reorderStrategies({ ctx, input: { orderedIds } }));
}

export async function setStrategyActiveAction(strategyId: string, active: boolean) {
  const ctx = await getRequestCtx();
  return run(() => setStrategyActive({ ctx, input: { strategyId, active } }));
}

export async function acceptPowerOfAttorneyAction(version: number) {
  const ctx = await getRequestCtx();
  return run(() => acceptPowerOfAttorney({ ctx, input: { version, accepted: true } }));
}
