// Relative, not "@/…": next.config.ts loads this file (the body limit) before any path alias exists.
import { readLimited } from "../read-limited";
/**
 * Checks the proxy makes on requests that can reach a server action (any POST to a page), so that
 * what Next.js would answer with a 500 gets a clear 4xx first:
 *  - a foreign Origin → 403 (Next.js compares Origin with X-Forwarded-Host/Host the same way, then
 *    answers 500 "Invalid Server Actions request."); X-Forwarded-Host counts only from a trusted proxy;
 *  - a body over the server-action limit → 413 (by Content-Length, else by counting the body);
 *  - a malformed action body (multipart that does not parse, a non-multipart action body that is not
 *    JSON, or one that parses but is not what React sends: see checkReplyModel) or a malformed
 *    Next-Action id → 400.
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

/**
 * Whether the immediate peer is a trusted proxy (`TRUSTED_PROXIES`, lib/auth/client-ip.ts): only then
 * do its X-Forwarded-Host / X-Forwarded-Proto say anything. The proxy passes it in; without it
 * (tests, callers that do not know) forwarded headers are not trusted.
 */
export type GuardOptions = { trustForwarded?: boolean };

/**
 * The host the browser addressed: Host, or X-Forwarded-Host when a trusted proxy sent it. (proxy.ts
 * also overwrites an untrusted X-Forwarded-Host with Host, so Next.js's own check agrees.)
 */
function requestHost(headers: Headers, trustForwarded: boolean): string | null {
  const forwarded = trustForwarded ? headers.get("x-forwarded-host") : null;
  if (forwarded) return forwarded.split(",")[0]!.trim().toLowerCase();
  return headers.get("host")?.toLowerCase() ?? null;
}

/** 403 when the request names an Origin other than this host (null when it is same-origin or has none). */
export function checkOrigin(request: Request, { trustForwarded = false }: GuardOptions = {}): Response | null {
  const origin = request.headers.get("origin");
  if (!origin) return null; // no Origin: not a browser cross-site request (Next.js lets these through too)
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host.toLowerCase();
  } catch {
    originHost = null;
  }
  const host = requestHost(request.headers, trustForwarded);
  if (originHost && host && originHost === host) return null;
  return problem(403, "foreign_origin", "This form can only be sent from the Lumbung site itself (the request came from another origin).");
}


const tooLarge = () => problem(413, "payload_too_large", `The request is larger than ${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB. Upload files of at most 5 MB.`);
const malformed = (what: string) => problem(400, "malformed_request", `The request could not be read: ${what}.`);

/**
 * The guard for unsafe requests to pages (server actions, including forms posted without JavaScript).
 * Returns the 4xx response to send, or null to let the request through.
 */
export async function guardPageMutation(request: Request, options: GuardOptions = {}): Promise<Response | null> {
  if (SAFE_METHODS.has(request.method)) return null;
  const foreign = checkOrigin(request, options);
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

  const body = await readLimited(request.clone().body, SERVER_ACTION_BODY_LIMIT_BYTES);
  if (body === "too_large") return tooLarge();
  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return malformed("the multipart body does not parse");
    }
    const problemText = actionId !== null ? checkFetchActionForm(form) : checkFormAction(form);
    return problemText ? malformed(problemText) : null;
  }
  // A fetch action with a plain body: React sends its arguments as JSON text.
  let args: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    args = JSON.parse(text);
  } catch {
    return malformed("the action's arguments are not JSON");
  }
  const problemText = checkReplyModel(args, () => "it refers to a part a plain body cannot have");
  return problemText ? malformed(problemText) : null;
}

/*
 * React's reply format (what `encodeReply` sends for a server action's arguments), checked as far as
 * what Next.js would otherwise answer with a 500: the arguments are a JSON array; a string that starts
 * with "$" is either an inline value ("$$…" an escaped "$", "$undefined", "$NaN", "$Infinity",
 * "$-Infinity", "$-0", "$n<digits>" a bigint, "$D…" a date, "$T" a temporary reference, "$0:…" a path
 * to an object already sent) or a reference to another part of a multipart body by hex id ("$1",
 * "$@1" promise, "$Q1" Map, "$W1" Set, "$i1" iterator, "$h1" server reference, "$B1" Blob, "$K1"
 * FormData, "$A1"…"$V1" typed arrays, "$r1"/"$R1"/"$x1"/"$X1" streams). A referenced part must come
 * before the part that refers to it (React's decoder refuses forward references).
 */
const INLINE = /^\$(?:\$[\s\S]*|undefined|NaN|Infinity|-Infinity|-0|T|n-?\d+|D[\s\S]*|0(?::[\s\S]*)?)$/;
const REFERENCE = /^\$([@QWihBKAOoUSsLlGgMmVvrRxX]?)([0-9a-f]+)(?::[\s\S]*)?$/;
const JSON_PARTS = new Set(["", "@", "Q", "W", "i", "h"]);
const BLOB_PARTS = new Set(["B", "A", "O", "o", "U", "S", "s", "L", "l", "G", "g", "M", "m", "V"]);

type Reference = { tag: string; id: number };

/** Null when the model is well-formed; `resolve` judges each reference to another part. */
function checkReplyModel(root: unknown, resolve: (ref: Reference) => string | null, isRoot = true): string | null {
  if (isRoot && !Array.isArray(root)) return "the action's arguments are not a list";
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      if (!value.startsWith("$") || INLINE.test(value)) continue;
      const ref = REFERENCE.exec(value);
      if (!ref) return `the value ${JSON.stringify(value.slice(0, 20))} is not one React sends`;
      const problemText = resolve({ tag: ref[1]!, id: Number.parseInt(ref[2]!, 16) });
      if (problemText) return problemText;
    } else if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value && typeof value === "object") {
      stack.push(...Object.values(value));
    }
  }
  return null;
}

/** A fetch action whose arguments needed a multipart body: the root model is part "0". */
function checkFetchActionForm(form: FormData): string | null {
  const names = [...form.keys()];
  const position = (name: string) => names.indexOf(name);
  const checked = new Set<string>();
  const checkPart = (name: string, isRoot: boolean): string | null => {
    if (checked.has(name)) return null;
    checked.add(name);
    const part = form.get(name);
    if (typeof part !== "string") return `part ${name} is not text`;
    let model: unknown;
    try {
      model = JSON.parse(part);
    } catch {
      return `part ${name} is not JSON`;
    }
    return checkReplyModel(
      model,
      ({ tag, id }) => {
        const target = String(id);
        if (tag === "K" || tag === "r" || tag === "R" || tag === "x" || tag === "X") return null; // FormData and streams: prefixed parts, checked by React
        if (position(target) < 0) return `it refers to part ${target}, which is missing`;
        if (position(target) > position(name)) return `part ${name} refers to part ${target}, which comes after it`;
        if (BLOB_PARTS.has(tag)) return typeof form.get(target) === "string" ? `part ${target} is not a file` : null;
        if (JSON_PARTS.has(tag)) return checkPart(target, false);
        return null;
      },
      isRoot,
    );
  };
  if (!form.has("0")) return "the action's arguments (part 0) are missing";
  return checkPart("0", true);
}

/**
 * A form posted to an action without JavaScript: `$ACTION_ID_<id>` (nothing more to check) or
 * `$ACTION_REF_<n>` with `$ACTION_<n>:0` = {"id", "bound"} and, for bound arguments, their part.
 */
function checkFormAction(form: FormData): string | null {
  for (const name of form.keys()) {
    const ref = /^\$ACTION_REF_(\d+)$/.exec(name);
    if (!ref) continue;
    const prefix = `$ACTION_${ref[1]}:`;
    const meta = form.get(`${prefix}0`);
    let parsed: unknown;
    try {
      parsed = typeof meta === "string" ? JSON.parse(meta) : undefined;
    } catch {
      parsed = undefined;
    }
    const { id, bound } = (parsed ?? {}) as { id?: unknown; bound?: unknown };
    if (typeof id !== "string") return "the form's action reference is missing or not JSON";
    if (bound === null || bound === undefined) continue;
    const boundRef = typeof bound === "string" ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
    if (!boundRef) return "the form's bound arguments are not a reference";
    const part = form.get(`${prefix}${Number.parseInt(boundRef[1]!, 16)}`);
    if (typeof part !== "string") return "the form's bound arguments are missing";
    try {
      const args = JSON.parse(part) as unknown;
      if (!Array.isArray(args)) return "the form's bound arguments are not a list";
    } catch {
      return "the form's bound arguments are not JSON";
    }
  }
  return null;
}
