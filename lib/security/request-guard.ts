/**
 * Checks the proxy makes on requests that can reach a server action (any POST to a page), so that
 * what Next.js would answer with a 500 gets a clear 4xx first:
 *  - a foreign Origin → 403 (Next.js compares Origin with X-Forwarded-Host/Host the same way, then
 *    answers 500 "Invalid Server Actions request.");
 *  - a body over the server-action limit → 413 (by Content-Length, else by counting the body);
 *  - a malformed action body (multipart that does not parse, a non-multipart action body that is not
 *    JSON) or a malformed Next-Action id → 400.
 * The answer is JSON `{ code, message }`.
 */

/** The server actions' body limit; next.config.ts passes the same number to Next.js. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// React's server reference ids are hex (40 characters, 42 with the export-kind prefix).
const ACTION_ID = /^[0-9a-f]{1,128}$/i;

function problem(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ code, message }), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

/** The host the browser addressed, as Next.js's own CSRF check sees it. */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host");
  if (forwarded) return forwarded.split(",")[0]!.trim().toLowerCase();
  return headers.get("host")?.toLowerCase() ?? null;
}

/** 403 when the request names an Origin other than this host (null when it is same-origin or has none). */
export function checkOrigin(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (!origin) return null; // no Origin: not a browser cross-site request (Next.js lets these through too)
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host.toLowerCase();
  } catch {
    originHost = null;
  }
  const host = requestHost(request.headers);
  if (originHost && host && originHost === host) return null;
  return problem(403, "foreign_origin", "This form can only be sent from the Lumbung site itself (the request came from another origin).");
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array | "too_large"> {
  const body = request.clone().body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too_large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const tooLarge = () => problem(413, "payload_too_large", `The request is larger than ${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB. Upload files of at most 5 MB.`);
const malformed = (what: string) => problem(400, "malformed_request", `The request could not be read: ${what}.`);

/**
 * The guard for unsafe requests to pages (server actions, including forms posted without JavaScript).
 * Returns the 4xx response to send, or null to let the request through.
 */
export async function guardPageMutation(request: Request): Promise<Response | null> {
  if (SAFE_METHODS.has(request.method)) return null;
  const foreign = checkOrigin(request);
  if (foreign) return foreign;

  const length = request.headers.get("content-length");
  if (length !== null && (!/^\d+$/.test(length) || Number(length) > SERVER_ACTION_BODY_LIMIT_BYTES)) {
    return /^\d+$/.test(length) ? tooLarge() : malformed("the Content-Length header is not a number");
  }

  const actionId = request.headers.get("next-action");
  const contentType = request.headers.get("content-type") ?? ""; // not lower-cased: the boundary is case-sensitive
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  if (actionId === null && !multipart) return null; // not a server action: Next.js renders the page as for any POST
  if (actionId !== null && !ACTION_ID.test(actionId)) return malformed("the Next-Action header is not an action id");

  const body = await readLimited(request, SERVER_ACTION_BODY_LIMIT_BYTES);
  if (body === "too_large") return tooLarge();
  if (multipart) {
    try {
      await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return malformed("the multipart body does not parse");
    }
    return null;
  }
  // A fetch action with a plain body: React sends its arguments as JSON text.
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    JSON.parse(text);
  } catch {
    return malformed("the action's arguments are not JSON");
  }
  return null;
}
