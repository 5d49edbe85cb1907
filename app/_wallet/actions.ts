"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { env } from "@/lib/env";
import { buildSandboxPaymentWebhook, requestTopUp } from "@/lib/payments";
import { addBankAccount, removeBankAccount, requestWithdrawal } from "@/lib/wallet";

export type FormResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string; status?: string };

function failure(e: unknown): FormResult {
  if (isDomainError(e)) return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message };
  throw e;
}

function areaOf(role: string): "lender" | "borrower" {
  return role === "borrower" ? "borrower" : "lender";
}

export async function requestTopUpAction(input: unknown): Promise<FormResult> {
  const ctx = await getRequestCtx();
  let id: string;
  try {
    id = (await requestTopUp({ ctx, input })).id;
  } catch (e) {
    return failure(e);
  }
  const area = ctx.actor.type === "user" ? areaOf(ctx.actor.role) : "lender";
  redirect(`/${area}/wallet/topups/${id}`);
}

export async function requestWithdrawalAction(input: unknown): Promise<FormResult> {
  const ctx = await getRequestCtx();
  try {
    const withdrawal = await requestWithdrawal({ ctx, input });
    revalidatePath("/", "layout");
    return { ok: true, status: withdrawal.status };
  } catch (e) {
    return failure(e);
  }
}

export async function addBankAccountAction(input: unknown): Promise<FormResult> {
  const ctx = await getRequestCtx();
  try {
    await addBankAccount({ ctx, input });
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

export async function removeBankAccountAction(id: string): Promise<FormResult> {
  const ctx = await getRequestCtx();
  try {
    await removeBankAccount({ ctx, input: { id } });
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

/**
 * The sandbox gateway's "Pay" button: builds the signed webhook the gateway would send and delivers
 * it over HTTP to Lumbung's own webhook endpoint, like a real gateway.
 */
export async function payInSandboxAction(providerReference: string): Promise<FormResult> {
  const ctx = await getRequestCtx();
  try {
    const webhook = await buildSandboxPaymentWebhook({ ctx, input: { providerReference } });
    const response = await fetch(`${env().publicUrl}/api/payments/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...webhook.headers },
      body: webhook.rawBody,
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      return { ok: false, error: body.code ?? "unexpected", message: body.message };
    }
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}
