/**
 * Security headers of every page, set by proxy.ts (Next.js 16's middleware).
 *
 * Scripts: a strict CSP with a fresh nonce per request and 'strict-dynamic' (no 'unsafe-inline', no
 * host lists). Next.js reads the nonce from the request's Content-Security-Policy header while it
 * renders and puts it on its own scripts; every page is rendered per request anyway (the root layout
 * reads the locale cookie), so the nonce costs no static page.
 *
 * Styles: 'self' plus 'unsafe-inline', on purpose. React `style` attributes (progress bars, recharts'
 * container sizes) are server-rendered and need 'unsafe-inline' for attributes, and sonner inserts its
 * stylesheet as a <style> element without a nonce. CSS cannot run script; what it could leak needs
 * injected markup, which React escapes. A nonce in style-src would switch 'unsafe-inline' off.
 *
 * HSTS and upgrade-insecure-requests only when the portal is served over HTTPS: PUBLIC_URL starts with
 * https://, or the request itself arrived over TLS. X-Forwarded-Proto is not read here, so a client
 * cannot switch HSTS on for a plain-HTTP deployment (behind a TLS proxy, set PUBLIC_URL=https://…).
 */

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export const PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

/** A fresh random nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function contentSecurityPolicy({ nonce, https, dev }: { nonce: string; https: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React in development uses eval for its debugging stacks; production needs no eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers of every response the proxy answers (pages, redirects). next.config.ts sets the static ones for the rest. */
export function securityHeaders({ csp, https }: { csp: string; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (https) headers["Strict-Transport-Security"] = HSTS_VALUE;
  return headers;
}

/** The CSP of responses that are not pages (API JSON, uploaded files): nothing may load or run. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";
