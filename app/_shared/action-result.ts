import { revalidatePath } from "next/cache";
import { toJsonSafe } from "@/lib/money/json";
import { isDomainError, type FieldErrors } from "@/lib/errors";

/** What every server action returns to its form: ok, or a domain error as a code and field errors. */
export type ActionResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string; details?: Record<string, unknown> };

export function domainFailure(e: unknown): ActionResult {
  if (!isDomainError(e)) throw e;
  const details = e.details ? (toJsonSafe(e.details) as Record<string, unknown>) : undefined;
  return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message, details };
}

/**
 * Runs a verb for a server action: refreshes the area's pages on success, and turns a DomainError into
 * an ActionResult (anything else is a bug and propagates to the error page).
 */
export async function runAction(fn: () => Promise<unknown>, revalidate: string): Promise<ActionResult> {
  try {
    await fn();
    revalidatePath(revalidate, "layout");
    return { ok: true };
  } catch (e) {
    return domainFailure(e);
  }
}
