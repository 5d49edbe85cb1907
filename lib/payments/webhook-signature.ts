import "server-only";
import crypto from "node:crypto";

/**
 * The sandbox gateway's webhook signature, modelled on the big Indonesian gateways:
 * HMAC-SHA256 (hex) over `${timestamp}.${rawBody}` with the shared secret, where timestamp is Unix
 * seconds sent in its own header. A delivery older or newer than 5 minutes is refused, so a captured
 * request cannot be replayed later.
 */
export const SIGNATURE_HEADER = "x-sandbox-signature";
export const TIMESTAMP_HEADER = "x-sandbox-timestamp";
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing_signature" | "invalid_timestamp" | "stale_timestamp" | "invalid_signature" };

export function verifyWebhookSignature({
  secret,
  rawBody,
  signature,
  timestamp,
  at,
}: {
  secret: string;
  rawBody: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  at: Date;
}): SignatureCheck {
  if (!signature || !timestamp) return { ok: false, reason: "missing_signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "invalid_timestamp" };
  const sentAtMs = Number(timestamp) * 1000;
  if (Math.abs(at.getTime() - sentAtMs) > SIGNATURE_TOLERANCE_MS) return { ok: false, reason: "stale_timestamp" };
  if (!/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: "invalid_signature" };
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), rawBody), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: "invalid_signature" };
  return { ok: true };
}

/** Request headers as the route gets them (Headers) or as a plain object (tests, other transports). */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  }
  return null;
}
