/**
 * Display of money. Client-safe (no server imports): components format with these.
 * Amounts are integer rupiah as bigint; the JSON API sends them as strings, accepted here too.
 */
export type DisplayLocale = "en" | "id";

const rupiahFormatters: Record<DisplayLocale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en-US", { style: "currency", currency: "IDR", currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 }),
  id: new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }),
};

export function formatRupiah(amount: bigint | string, locale: DisplayLocale = "en"): string {
  const value = typeof amount === "string" ? BigInt(amount) : amount;
  return rupiahFormatters[locale].format(value);
}

const dateFormatters: Record<DisplayLocale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }),
  id: new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }),
};

export function formatDateTime(at: Date | string, locale: DisplayLocale = "en"): string {
  return dateFormatters[locale].format(typeof at === "string" ? new Date(at) : at);
}
