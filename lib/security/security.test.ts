import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./headers";
import { guardPageMutation, SERVER_ACTION_BODY_LIMIT_BYTES } from "./request-guard";

describe("security headers", () => {
  it("builds a strict nonce CSP; HSTS and upgrade-insecure-requests only over HTTPS; eval only in development", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(nonce);
    const http = contentSecurityPolicy({ nonce, https: false, dev: false });
    expect(http).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    expect(http).not.toMatch(/script-src[^;]*unsafe/);
    expect(http).not.toContain("upgrade-insecure-requests");
    expect(securityHeaders({ csp: http, https: false })).not.toHaveProperty("Strict-Transport-Security");
    const https = contentSecurityPolicy({ nonce, https: true, dev: false });
    expect(https).toContain("upgrade-insecure-requests");
    expect(securityHeaders({ csp: https, https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(contentSecurityPolicy({ nonce, https: false, dev: true })).toContain("'unsafe-eval'");
  });
});

const post = (headers: Record<string, string>, body: BodyInit | null = "[]") =>
  new Request("http://portal.test/lender/wallet", { method: "POST", headers: { host: "portal.test", ...headers }, body });

describe("guardPageMutation", () => {
  it("lets GETs and same-origin actions through", async () => {
    expect(await guardPageMutation(new Request("http://portal.test/", { headers: { origin: "https://evil.example" } }))).toBeNull();
    expect(await guardPageMutation(post({ origin: "http://portal.test", "next-action": "7f3a", "content-type": "text/plain" }))).toBeNull();
    expect(await guardPageMutation(post({ "next-action": "7f3a", "content-type": "text/plain" }))).toBeNull(); // no Origin, as Next.js allows
  });

  it("lets a real multipart action through (its boundary has capitals)", async () => {
    const boundary = "----WebKitFormBoundaryAbCdEf";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="1_step"\r\n\r\nidentity\r\n--${boundary}--\r\n`;
    const contentType = `multipart/form-data; boundary=${boundary}`;
    expect(await guardPageMutation(post({ origin: "http://portal.test", "next-action": "7f3a", "content-type": contentType }, body))).toBeNull();
  });

  it("refuses foreign origins (403), oversized bodies (413) and malformed ones (400)", async () => {
    const foreign = await guardPageMutation(post({ origin: "https://evil.example", "next-action": "7f3a" }));
    expect(foreign?.status).toBe(403);
    expect(await foreign?.json()).toMatchObject({ code: "foreign_origin" });
    expect((await guardPageMutation(post({ origin: "null" })))?.status).toBe(403);
    const big = await guardPageMutation(post({ origin: "http://portal.test", "next-action": "7f3a", "content-type": "text/plain", "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) }));
    expect(big?.status).toBe(413);
    expect((await guardPageMutation(post({ "next-action": "7f3a", "content-type": "text/plain" }, "{oops")))?.status).toBe(400);
    expect((await guardPageMutation(post({ "next-action": "zz", "content-type": "text/plain" })))?.status).toBe(400);
    expect((await guardPageMutation(post({ "content-type": "multipart/form-data; boundary=b" }, "--c\r\nnope")))?.status).toBe(400);
  });
});
