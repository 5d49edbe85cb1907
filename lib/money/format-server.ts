import { getLocale } from "next-intl/server";
import { formatterFor, toDisplayLocale, type Formatter } from "./format";

/**
 * Server components: every formatter of lib/money/format.ts bound to the request's language
 * (the locale next-intl resolved from the NEXT_LOCALE cookie or Accept-Language).
 *   const f = await getFormat();  f.rupiah(100_000n) → "Rp100.000" in Bahasa Indonesia
 */
export async function getFormat(): Promise<Formatter> {
  return formatterFor(toDisplayLocale(await getLocale()));
}
