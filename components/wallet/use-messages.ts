"use client";

import { useLocale, useTranslations } from "next-intl";
import type { DisplayLocale } from "@/lib/money/format";
import { formatParams } from "@/lib/money/params";

type Details = Record<string, unknown> | undefined;

/**
 * Translates a field-error key from a zod schema or a domain error code, with a fallback. With the
 * error's typed details (lib/money/params.ts) the detailed sentence is used when there is one
 * (validation.detailed.<key>, errors.detailed.<code>), its figures formatted for the reader.
 */
export function useErrorText() {
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const tc = useTranslations("capViolations");
  const locale = useLocale() as DisplayLocale;
  const params = (details: Details) => formatParams(locale, details);
  const detailed = (t: typeof tv | typeof te, key: string, details: Details) => {
    if (!details || !t.has(`detailed.${key}`)) return undefined;
    try {
      return t(`detailed.${key}`, params(details));
    } catch {
      return undefined;
    }
  };
  return {
    params,
    field: (key?: string, details?: Details) => (key ? (detailed(tv, key, details) ?? (tv.has(key) ? tv(key) : key)) : undefined),
    form: (code?: string, message?: string, details?: Details) =>
      code ? (detailed(te, code, details) ?? (te.has(code) ? te(code) : (message ?? te("unexpected")))) : undefined,
    /** One sentence per broken cap of a cap_exceeded error (capViolationTexts). */
    violations: (details?: Details): string[] => capViolationTexts(tc, locale, details, te("unexpected")),
  };
}

type Translator = { has: (key: string) => boolean; (key: string, values?: Record<string, string | number>): string };

/**
 * The sentences of a cap_exceeded error's details.violations ({ code, message, params },
 * lib/loans/internal/offer.ts): messages capViolations.<code> with the figures in the reader's
 * language; the server's English sentence for a code without a translation.
 */
export function capViolationTexts(tc: Translator, locale: DisplayLocale, details: Details, fallback: string): string[] {
  const list = Array.isArray(details?.violations) ? (details.violations as { code?: unknown; message?: unknown; params?: Record<string, unknown> }[]) : [];
  return list.map((v) => {
    const code = typeof v?.code === "string" ? v.code : "";
    try {
      if (code && tc.has(code)) return tc(code, formatParams(locale, v.params));
    } catch {
      // a malformed parameter: the server's sentence below
    }
    return typeof v?.message === "string" ? v.message : fallback;
  });
}
