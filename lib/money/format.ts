/**
 * The one formatting module: every figure and date a person reads goes through these, in the reader's
 * language. Client-safe and pure (no server imports, no Intl: the same text on the server and in the
 * browser, whatever ICU data either has), so server pages, client components, notifications and CSV
 * exports all write a figure the same way.
 *
 *                       Bahasa Indonesia ("id")     English ("en")
 *   formatRupiah        Rp100.000 · −Rp2.500        Rp100,000 · −Rp2,500
 *   formatPercent(bps)  13,50%                      13.50%
 *   formatRatioPercent  12,34%  (from 0.1234)       12.34%
 *   formatGrams         1,2345 g                    1.2345 g
 *   formatDate          2 Desember 2026             2 December 2026
 *   formatDateTime      2 Des 2026, 14.05 WIB       2 Dec 2026, 14:05 WIB
 *   formatMonth         Desember 2026               December 2026
 *   formatCompact       1,2 jt · 3,4 M              1.2M · 3.4B
 *
 * Instants are shown in Western Indonesia Time (Asia/Jakarta, UTC+7, no daylight saving); a calendar day
 * ("2026-12-02") is shown as that day. Amounts are integer rupiah as bigint (the JSON API sends them as
 * strings, accepted here too); gold is integer units of 0.0001 g. Server pages can take every formatter
 * bound to the request's language from getFormat() (lib/money/format-server.ts), client components from
 * useFormat() (lib/money/use-format.ts).
 */
export type DisplayLocale = "en" | "id";

/** Any locale string ("id", "id-ID", "en", undefined) → the display locale; English unless Indonesian. */
export function toDisplayLocale(locale: string | null | undefined): DisplayLocale {
  return locale && /^(id|in)\b/i.test(locale) ? "id" : "en";
}

const SEPARATORS: Record<DisplayLocale, { group: string; decimal: string }> = {
  en: { group: ",", decimal: "." },
  id: { group: ".", decimal: "," },
};

/** U+2212 MINUS SIGN: reads as a minus (a hyphen looks like a dash next to "Rp"). */
export const MINUS = "\u2212";

type Whole = bigint | number | string;

function toBigInt(value: Whole): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return BigInt(Math.trunc(value));
  }
  return BigInt(value.trim());
}

function groupDigits(digits: string, locale: DisplayLocale): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].group);
}

/** An integer with the locale's thousands grouping: 1234567 → "1.234.567" (id) / "1,234,567" (en). */
export function formatNumber(value: Whole, locale: DisplayLocale = "en"): string {
  const v = toBigInt(value);
  const grouped = groupDigits((v < 0n ? -v : v).toString(), locale);
  return v < 0n ? MINUS + grouped : grouped;
}

/** Integer rupiah, no space after "Rp": Rp100.000 (id) / Rp100,000 (en); negatives −Rp100.000. */
export function formatRupiah(amount: Whole, locale: DisplayLocale = "en"): string {
  const v = toBigInt(amount);
  const text = `Rp${groupDigits((v < 0n ? -v : v).toString(), locale)}`;
  return v < 0n ? MINUS + text : text;
}

/**
 * An exact decimal from an integer count of 1/10^scale: (1355, 2) → "13,55". Fraction digits are
 * padded to `minFraction` and trailing zeros dropped down to it; never rounded (scale ≤ maxFraction).
 */
function scaled(value: Whole, scale: number, locale: DisplayLocale, minFraction: number): string {
  const v = toBigInt(value);
  const abs = v < 0n ? -v : v;
  const unit = 10n ** BigInt(scale);
  let fraction = (abs % unit).toString().padStart(scale, "0");
  while (fraction.length > minFraction && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  fraction = fraction.padEnd(minFraction, "0");
  const text = groupDigits((abs / unit).toString(), locale) + (fraction ? SEPARATORS[locale].decimal + fraction : "");
  return v < 0n ? MINUS + text : text;
}

export type PercentOptions = {
  /** Fraction digits always shown (default 2: "13,50%"); more are shown only when not zero. */
  minFraction?: number;
  /** false: the digits only ("13,50"), for messages that write the "%" themselves ("{rate}% a year"). */
  sign?: boolean;
};

/** A percentage from basis points (1 bps = 0.01 %), exact: 1350 → "13,50%" (id) / "13.50%" (en). */
export function formatPercent(bps: Whole, locale: DisplayLocale = "en", { minFraction = 2, sign = true }: PercentOptions = {}): string {
  const text = scaled(bps, 2, locale, Math.min(minFraction, 2));
  return sign ? `${text}%` : text;
}

/** A percentage from parts per million of one (1 ppm = 0.0001 %), exact: 670 → "0,067%". */
export function formatPpmPercent(ppm: Whole, locale: DisplayLocale = "en", { minFraction = 2, sign = true }: PercentOptions = {}): string {
  const text = scaled(ppm, 4, locale, Math.min(minFraction, 4));
  return sign ? `${text}%` : text;
}

/**
 * A percentage from a ratio (a computed return, 0.1234 → "12,34%"), rounded half away from zero to
 * `fraction` digits (default 2). For stored rates use formatPercent(bps), which is exact.
 */
export function formatRatioPercent(ratio: number, locale: DisplayLocale = "en", { fraction = 2, sign = true }: { fraction?: number; sign?: boolean } = {}): string {
  if (!Number.isFinite(ratio)) return "—";
  const units = Math.round(Math.abs(ratio) * 100 * 10 ** fraction) * Math.sign(ratio);
  const text = scaled(BigInt(units === 0 ? 0 : units), fraction, locale, fraction);
  return sign ? `${text}%` : text;
}

/** Gold from integer units of 0.0001 g, all four decimals: 12345 → "1,2345 g" (id) / "1.2345 g" (en). */
export function formatGrams(units: Whole, locale: DisplayLocale = "en"): string {
  return `${scaled(units, 4, locale, 4)} g`;
}

const MONTHS: Record<DisplayLocale, { long: readonly string[]; short: readonly string[] }> = {
  en: {
    long: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
  id: {
    long: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
    short: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  },
};

const WIB_OFFSET_MS = 7 * 3_600_000;

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/**
 * The wall-clock parts of what is shown: a Date or an ISO instant in WIB; a calendar day "YYYY-MM-DD"
 * (or a month "YYYY-MM") as written.
 */
function parts(at: Date | string): Parts {
  if (typeof at === "string") {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(at.trim());
    if (m) return { year: Number(m[1]), month: Number(m[2]) - 1, day: Number(m[3] ?? 1), hour: 0, minute: 0, second: 0 };
  }
  const ms = (typeof at === "string" ? new Date(at) : at).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(at)}`);
  const d = new Date(ms + WIB_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

export type DateOptions = { month?: "long" | "short"; year?: boolean };

/** A day: "2 Desember 2026" (id) / "2 December 2026" (en); { month: "short" } → "2 Des 2026". */
export function formatDate(at: Date | string, locale: DisplayLocale = "en", { month = "long", year = true }: DateOptions = {}): string {
  const p = parts(at);
  const text = `${p.day} ${MONTHS[locale][month][p.month]}`;
  return year ? `${text} ${p.year}` : text;
}

const two = (n: number) => String(n).padStart(2, "0");

/** A time of day in WIB: "14.05" (id) / "14:05" (en); { seconds: true } → "14.05.09". */
export function formatTime(at: Date | string, locale: DisplayLocale = "en", { seconds = false }: { seconds?: boolean } = {}): string {
  const p = parts(at);
  const sep = locale === "id" ? "." : ":";
  return [two(p.hour), two(p.minute), ...(seconds ? [two(p.second)] : [])].join(sep);
}

/** An instant: "2 Des 2026, 14.05 WIB" (id) / "2 Dec 2026, 14:05 WIB" (en). */
export function formatDateTime(at: Date | string, locale: DisplayLocale = "en", { seconds = false, month = "short" }: { seconds?: boolean; month?: "long" | "short" } = {}): string {
  return `${formatDate(at, locale, { month })}, ${formatTime(at, locale, { seconds })} WIB`;
}

/** A month: "Desember 2026" (id) / "December 2026" (en), from "2026-12", a day or a Date; { month: "short" } → "Des 2026". */
export function formatMonth(at: Date | string, locale: DisplayLocale = "en", { month = "long" }: { month?: "long" | "short" } = {}): string {
  const p = parts(at);
  return `${MONTHS[locale][month][p.month]} ${p.year}`;
}

const COMPACT: Record<DisplayLocale, [number, string][]> = {
  // Indonesian amounts: ribu, juta, miliar, triliun.
  id: [[1e12, " T"], [1e9, " M"], [1e6, " jt"], [1e3, " rb"]],
  en: [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]],
};

/**
 * A short figure for chart axes: 1200000 → "1,2 jt" (id) / "1.2M" (en), one decimal at most, or
 * { significant: 4 } → "1,234 jt" where small moves matter (a price chart). Display only.
 */
export function formatCompact(value: number | bigint, locale: DisplayLocale = "en", { significant }: { significant?: number } = {}): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return "—";
  const abs = Math.abs(n);
  const sign = n < 0 ? MINUS : "";
  for (const [size, suffix] of COMPACT[locale]) {
    if (abs >= size) {
      const x = abs / size;
      const decimals = significant === undefined ? 1 : Math.max(0, significant - String(Math.floor(x)).length);
      const units = Math.round(x * 10 ** decimals);
      return sign + scaled(BigInt(units), decimals, locale, 0) + suffix;
    }
  }
  return sign + formatNumber(Math.round(abs), locale);
}

/** Every formatter bound to one locale (what getFormat() and useFormat() hand out). */
export function formatterFor(locale: DisplayLocale) {
  return {
    locale,
    number: (v: Whole) => formatNumber(v, locale),
    rupiah: (v: Whole) => formatRupiah(v, locale),
    percent: (bps: Whole, o?: PercentOptions) => formatPercent(bps, locale, o),
    ppmPercent: (ppm: Whole, o?: PercentOptions) => formatPpmPercent(ppm, locale, o),
    ratioPercent: (ratio: number, o?: { fraction?: number; sign?: boolean }) => formatRatioPercent(ratio, locale, o),
    grams: (units: Whole) => formatGrams(units, locale),
    date: (at: Date | string, o?: DateOptions) => formatDate(at, locale, o),
    time: (at: Date | string, o?: { seconds?: boolean }) => formatTime(at, locale, o),
    dateTime: (at: Date | string, o?: { seconds?: boolean; month?: "long" | "short" }) => formatDateTime(at, locale, o),
    month: (at: Date | string, o?: { month?: "long" | "short" }) => formatMonth(at, locale, o),
    compact: (v: number | bigint) => formatCompact(v, locale),
  };
}
export type Formatter = ReturnType<typeof formatterFor>;
