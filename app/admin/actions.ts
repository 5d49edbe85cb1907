"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { retryFailedJob } from "@/lib/jobs/admin";
import { advanceClock } from "@/lib/system/time-machine";

export type ActionResult = { ok: boolean; error?: string; fields?: FieldErrors; at?: string };

async function run(fn: () => Promise<unknown>, path: string): Promise<ActionResult> {
  try {
    const value = await fn();
    revalidatePath(path);
    return { ok: true, at: value instanceof Date ? value.toISOString() : undefined };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, error: e.code, fields: e.fields };
    throw e;
  }
}

export async function advanceClockAction(input: unknown): Promise<ActionResult> {
  const ctx = await getRequestCtx();
  return run(() => advanceClock({ ctx, input }), "/admin/time-machine");
}

export async function retryJobAction(formData: FormData): Promise<void> {
  const ctx = await getRequestCtx();
  await run(() => retryFailedJob({ ctx, input: { name: formData.get("name"), id: formData.get("id") } }), "/admin/jobs");
}
