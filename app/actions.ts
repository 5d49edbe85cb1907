"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth";
import { changeLocale } from "@/lib/auth/profile";
import { LOCALE_COOKIE } from "@/lib/auth/request-context";
import { LocaleInput } from "@/lib/auth/schemas";
import { getRequestCtx } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sessions";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** The language switcher: a cookie for everyone, and the profile for signed-in users. */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  const parsed = LocaleInput.safeParse({ locale });
  if (!parsed.success) return { ok: false };
  const ctx = await getRequestCtx();
  if (ctx.actor.type === "user") await changeLocale({ ctx, input: parsed.data });
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
  return { ok: true };
}

/** Ends this session on the server (the old cookie stops working at once), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const ctx = await getRequestCtx();
  if (ctx.actor.type === "user") await endSession({ ctx });
  await signOut({ redirectTo: "/" });
}
