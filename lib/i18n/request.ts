import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALES, type AppLocale } from "@/lib/auth/schemas";
import { LOCALE_COOKIE } from "@/lib/auth/request-context";

export const DEFAULT_LOCALE: AppLocale = "en";

function fromAcceptLanguage(value: string | null): AppLocale | undefined {
  if (!value) return undefined;
  for (const part of value.split(",")) {
    const tag = part.split(";")[0]!.trim().toLowerCase();
    if (tag.startsWith("id") || tag.startsWith("in")) return "id";
    if (tag.startsWith("en")) return "en";
  }
  return undefined;
}

/**
 * The locale of a request: the cookie the language switcher (and sign-in, from the profile) sets,
 * else the browser's Accept-Language, else English.
 */
export default getRequestConfig(async () => {
  const [c, h] = await Promise.all([cookies(), headers()]);
  const fromCookie = c.get(LOCALE_COOKIE)?.value;
  const locale: AppLocale = (LOCALES as readonly string[]).includes(fromCookie ?? "")
    ? (fromCookie as AppLocale)
    : (fromAcceptLanguage(h.get("accept-language")) ?? DEFAULT_LOCALE);
  return {
    locale,
    timeZone: "Asia/Jakarta",
    // Dynamic on purpose (not a cycle): only the request's locale is loaded.
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
