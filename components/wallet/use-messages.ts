"use client";

import { useTranslations } from "next-intl";

/** Translates a field-error key from a zod schema or a domain error code, with a fallback. */
export function useErrorText() {
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  return {
    field: (key?: string) => (key ? (tv.has(key) ? tv(key) : key) : undefined),
    form: (code?: string, message?: string) => (code ? (te.has(code) ? te(code) : (message ?? te("unexpected"))) : undefined),
  };
}
