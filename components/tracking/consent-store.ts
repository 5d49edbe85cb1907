/**
 * The visitor's analytics consent in the browser: the cookie (lib/engagement/tracking/consent.ts) and
 * a tiny event bus so the footer's "Cookie settings" button can reopen the banner.
 */
import { CONSENT_COOKIE, CONSENT_MAX_AGE, type Consent } from "@/lib/engagement/rules";

const OPEN_EVENT = "lumbung:consent-settings";

export function writeConsentCookie(consent: Consent) {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${CONSENT_COOKIE}=${consent}; Max-Age=${CONSENT_MAX_AGE}; Path=/; SameSite=Lax${secure}`;
}

/** Asks the banner to show again (from the footer), remembering what to give focus back to. */
export function openConsentSettings(returnFocusTo?: HTMLElement | null) {
  window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: { returnFocusTo: returnFocusTo ?? null } }));
}

export function onConsentSettingsRequested(fn: (returnFocusTo: HTMLElement | null) => void): () => void {
  const listener = (e: Event) => fn((e as CustomEvent<{ returnFocusTo: HTMLElement | null }>).detail?.returnFocusTo ?? null);
  window.addEventListener(OPEN_EVENT, listener);
  return () => window.removeEventListener(OPEN_EVENT, listener);
}
