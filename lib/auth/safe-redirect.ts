/**
 * The one check for a redirect target that came from outside (a `callbackUrl`, a `return` parameter):
 * only a path on this site is accepted, in the form a browser will actually follow. Pure and
 * client-safe.
 *
 * Browsers are lenient with URLs: they drop TAB, CR and LF anywhere, trim leading C0 controls and
 * spaces, and read `\` as `/`. So `/<TAB>/evil.example` looks like a path here and becomes
 * `//evil.example` (another host) there. The rules:
 *
 * 1. The value, and each of up to four percent-decodings of it (double-encoding such as `%252f`),
 *    must hold no ASCII control character, space or DEL (covers `%09`, `%0a`, `%0d`, `%00`), no
 *    backslash (`%5c`), and must not begin with `//` (`%2f%2f`). A malformed encoding is refused.
 * 2. It must begin with a single `/`, so no scheme (`javascript:`, `https:`), and no `//` or `/\`.
 * 3. It is resolved against a placeholder origin as the browser would (dot segments, encoding of
 *    anything outside ASCII); the result must still be on that origin and its path must not begin with
 *    `//` either (`/a/..//evil` resolves to `//evil`). The resolved path, query and fragment are what
 *    is returned, so the string checked is the string used.
 *
 * Anything else gives the fallback.
 */
const MAX_LENGTH = 2048;
const MAX_DECODINGS = 4;
const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

// C0 controls, space and DEL; TAB/LF/CR among them.
const UNSAFE_CHAR = /[\u0000-\u0020\u007f\\]/;

function looksSafe(layer: string): boolean {
  return !UNSAFE_CHAR.test(layer) && !layer.startsWith("//");
}

export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  let layer = value;
  for (let i = 0; ; i++) {
    if (!looksSafe(layer)) return fallback;
    if (i === MAX_DECODINGS) break;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return fallback;
    }
    if (decoded === layer) break;
    layer = decoded;
  }
  if (!value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
