import { useMemo } from "react";
import { useLocale } from "next-intl";
import { formatterFor, toDisplayLocale, type Formatter } from "./format";

/**
 * Client (and non-async server) components: every formatter of lib/money/format.ts bound to the
 * reader's language.   const f = useFormat();  f.percent(1350) → "13,50%" in Bahasa Indonesia
 */
export function useFormat(): Formatter {
  const locale = toDisplayLocale(useLocale());
  return useMemo(() => formatterFor(locale), [locale]);
}
