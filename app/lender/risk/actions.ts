"use server";

import { revalidatePath } from "next/cache";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { acceptRiskDisclosure, answerRiskQuiz } from "@/lib/lending";

export type RiskResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string; passed?: boolean; wrong?: string[] };

function failure(e: unknown): RiskResult {
  if (isDomainError(e)) return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message };
  throw e;
}

export async function acceptRiskDisclosureAction(input: unknown): Promise<RiskResult> {
  const ctx = await getRequestCtx();
  try {
    await acceptRiskDisclosure({ ctx, input });
    revalidatePath("/lender", "layout");
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

export async function answerRiskQuizAction(input: unknown): Promise<RiskResult> {
  const ctx = await getRequestCtx();
  try {
    const result = await answerRiskQuiz({ ctx, input });
    if (result.passed) revalidatePath("/lender", "layout");
    return { ok: true, passed: result.passed, wrong: result.passed ? [] : result.wrong.map((w) => w.question) };
  } catch (e) {
    return failure(e);
  }
}
