"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { saveKycStep, submitKyc } from "@/lib/kyc";

export type KycResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string; currentStep?: string | null };

function failure(e: unknown): KycResult {
  if (isDomainError(e)) return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message };
  throw e;
}

/** One step's form: text fields as strings, uploads as bytes (typed by content in lib/storage). */
export async function saveKycStepAction(form: FormData): Promise<KycResult> {
  const ctx = await getRequestCtx();
  const input: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") input[key] = value;
    else if (value.size > 0) input[key] = new Uint8Array(await value.arrayBuffer());
  }
  try {
    const view = await saveKycStep({ ctx, input });
    revalidatePath("/", "layout");
    return { ok: true, currentStep: view.currentStep };
  } catch (e) {
    return failure(e);
  }
}

export async function submitKycAction(): Promise<KycResult> {
  const ctx = await getRequestCtx();
  try {
    await submitKyc({ ctx });
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}
