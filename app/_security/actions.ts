"use server";

import { signOut } from "@/lib/auth";
import { getRequestCtx, getSecondFactorSetupCtx } from "@/lib/auth/session";
import { changePassword, reauthenticate, signOutEverywhere } from "@/lib/auth/sessions";
import { confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes } from "@/lib/auth/second-factor";
import { isDomainError, type FieldErrors } from "@/lib/errors";

export type SecurityResult = { ok: boolean; error?: string; fields?: FieldErrors; message?: string };

function failure(e: unknown): SecurityResult {
  if (isDomainError(e)) return { ok: false, error: e.fields ? undefined : e.code, fields: e.fields, message: e.message };
  throw e;
}

/** The password again before money leaves (the re-auth dialog). */
export async function reauthenticateAction(input: unknown): Promise<SecurityResult> {
  try {
    await reauthenticate({ ctx: await getRequestCtx(), input });
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

export async function changePasswordAction(input: unknown): Promise<SecurityResult> {
  try {
    await changePassword({ ctx: await getRequestCtx(), input });
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

/** Ends every session of the user, this one included, and clears this cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const ctx = await getRequestCtx();
  if (ctx.actor.type === "user") await signOutEverywhere({ ctx });
  await signOut({ redirectTo: "/sign-in" });
}

export async function confirmTotpAction(input: unknown): Promise<SecurityResult & { recoveryCodes?: string[] }> {
  try {
    const { recoveryCodes } = await confirmTotpEnrolment({ ctx: await getSecondFactorSetupCtx(), input });
    return { ok: true, recoveryCodes };
  } catch (e) {
    return failure(e);
  }
}

/** Ten new recovery codes (password again); shown once. */
export async function regenerateRecoveryCodesAction(input: unknown): Promise<SecurityResult & { recoveryCodes?: string[] }> {
  try {
    const { recoveryCodes } = await regenerateRecoveryCodes({ ctx: await getRequestCtx(), input });
    return { ok: true, recoveryCodes };
  } catch (e) {
    return failure(e);
  }
}

/** Turns two-step sign-in off (password again); refused outside demo mode, where it is required. */
export async function disableTotpAction(input: unknown): Promise<SecurityResult> {
  try {
    await disableTotp({ ctx: await getRequestCtx(), input });
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}
