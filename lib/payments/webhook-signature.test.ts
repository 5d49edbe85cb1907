import { describe, expect, it } from "vitest";
import { buildQrisPayload, crc16ccitt, isValidQrisPayload } from "./qris";
import { headerValue, signWebhook, verifyWebhookSignature } from "./webhook-signature";

const secret = "test-secret-0123456789";
const at = new Date("2026-07-01T00:00:00Z");
const ts = Math.floor(at.getTime() / 1000);
const body = '{"event":"payment.paid"}';

describe("webhook signature", () => {
  it("accepts its own signature within five minutes either way", () => {
    const signature = signWebhook(secret, ts, body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, rawBody: body, signature, timestamp: String(ts), at })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ secret, rawBody: body, signature, timestamp: String(ts), at: new Date(at.getTime() + 299_000) }).ok).toBe(true);
    expect(verifyWebhookSignature({ secret, rawBody: body, signature, timestamp: String(ts), at: new Date(at.getTime() - 299_000) }).ok).toBe(true);
  });

  it("refuses a stale, missing, altered or foreign signature", () => {
    const signature = signWebhook(secret, ts, body);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({ secret, rawBody: body, signature, timestamp: String(ts), at, ...over });
    expect(check({ at: new Date(at.getTime() + 301_000) })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(check({ signature: null })).toEqual({ ok: false, reason: "missing_signature" });
    expect(check({ timestamp: "soon" })).toEqual({ ok: false, reason: "invalid_timestamp" });
    expect(check({ rawBody: body + " " })).toEqual({ ok: false, reason: "invalid_signature" });
    expect(check({ secret: "another-secret-0123456789" })).toEqual({ ok: false, reason: "invalid_signature" });
    expect(check({ signature: "abc" })).toEqual({ ok: false, reason: "invalid_signature" });
    // The timestamp is signed: moving it forward to dodge the window breaks the signature.
    expect(check({ timestamp: String(ts + 1) })).toEqual({ ok: false, reason: "invalid_signature" });
  });

  it("reads headers from Headers or plain objects, case-insensitively", () => {
    expect(headerValue(new Headers({ "X-Sandbox-Signature": "a" }), "x-sandbox-signature")).toBe("a");
    expect(headerValue({ "X-SANDBOX-TIMESTAMP": "1" }, "x-sandbox-timestamp")).toBe("1");
    expect(headerValue({}, "x-sandbox-timestamp")).toBeNull();
  });
});

describe("QRIS payload", () => {
  it("uses CRC-16/CCITT-FALSE", () => {
    expect(crc16ccitt("123456789")).toBe("29B1");
  });

  it("carries the amount and reference and a valid checksum", () => {
    const payload = buildQrisPayload({ reference: "SBX-ABC", amount: 250_000n });
    expect(payload.startsWith("000201010212")).toBe(true);
    expect(payload).toContain("5406250000");
    expect(payload).toContain("5303360");
    expect(payload).toContain("SBX-ABC");
    expect(isValidQrisPayload(payload)).toBe(true);
    expect(isValidQrisPayload(payload.replace("250000", "250001"))).toBe(false);
  });
});
