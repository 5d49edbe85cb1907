/**
 * The analytics consent cookie (client-safe: the banner writes it, the root layout and POST /api/track
 * read it). `analytics`: the first-party tracker may send events; `necessary`: it sends nothing and the
 * server stores no browser event. No cookie: the visitor has not answered yet — the tracker holds its
 * events in memory until they do (API clients without a browser are not asked).
 */
export const CONSENT_COOKIE = "lumbung_consent";
export const CONSENT_VALUES = ["analytics", "necessary"] as const;
export type Consent = (typeof CONSENT_VALUES)[number];
/** One year, in seconds. */
export const CONSENT_MAX_AGE = 60 * 60 * 24 * 365;

export function parseConsent(value: string | null | undefined): Consent | null {
  return value === "analytics" || value === "necessary" ? value : null;
}

/** The consent cookie's value from a raw `Cookie` header (null when absent or not one of the values). */
export function consentFromCookieHeader(header: string | null | undefined): Consent | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === CONSENT_COOKIE) return parseConsent(v.join("=").trim());
  }
  return null;
}
