"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { registerUser } from "@/lib/auth/register";
import { firstTouchFromHeaders, LOCALE_COOKIE, requestContextFromHeaders } from "@/lib/auth/request-context";
import { safeCallbackUrl, SecondFactorCodeInput, SignInInput, SignUpInput } from "@/lib/auth/schemas";
import { landingFor } from "@/lib/auth/sign-in";
import { anonymousCtx } from "@/lib/context";
import { fieldErrorsFromZod, isDomainError, type FieldErrors } from "@/lib/errors";
import { lookupSignedInUser } from "@/lib/auth/users-public";

export type AuthFormState = { error?: string; fields?: FieldErrors; secondFactor?: boolean };

async function completeSignIn(email: string, password: string, callbackUrl: unknown, code?: string): Promise<AuthFormState> {
  try {
    // `code`: an admin's second factor (lib/auth/second-factor.ts), asked for after the password.
    await signIn("credentials", { email, password, ...(code ? { code } : {}), redirect: false });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      if (e.code === "second_factor_required") return { secondFactor: true };
      if (e.code === "second_factor_invalid") return { secondFactor: true, fields: { code: "secondFactorInvalid" } };
      return { error: e.code || "invalid_credentials" };
    }
    if (e instanceof AuthError) return { error: "invalid_credentials" };
    throw e;
  }
  const user = await lookupSignedInUser(email);
  if (!user) return { error: "invalid_credentials" };
  (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  redirect(landingFor(user.role, safeCallbackUrl(callbackUrl, "")));
}

export async function signInAction(input: unknown, callbackUrl?: string): Promise<AuthFormState> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { fields: fieldErrorsFromZod(parsed.error.issues) };
  const code = (input as { code?: unknown } | null)?.code;
  if (code !== undefined && code !== "") {
    const second = SecondFactorCodeInput.safeParse({ code });
    if (!second.success) return { secondFactor: true, fields: fieldErrorsFromZod(second.error.issues) };
    return completeSignIn(parsed.data.email, parsed.data.password, callbackUrl, second.data.code);
  }
  return completeSignIn(parsed.data.email, parsed.data.password, callbackUrl);
}

export async function signUpAction(input: unknown): Promise<AuthFormState> {
  const parsed = SignUpInput.safeParse(input);
  if (!parsed.success) return { fields: fieldErrorsFromZod(parsed.error.issues) };
  const h = await headers();
  try {
    await registerUser({
      ctx: anonymousCtx(requestContextFromHeaders(h)),
      input: { ...parsed.data, acquisition: firstTouchFromHeaders(h) },
    });
  } catch (e) {
    if (isDomainError(e)) return { error: e.fields ? undefined : e.code, fields: e.fields };
    throw e;
  }
  return completeSignIn(parsed.data.email, parsed.data.password, undefined);
}
