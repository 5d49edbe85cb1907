import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./headers";
import { checkOrigin, guardPageMutation, SERVER_ACTION_BODY_LIMIT_BYTES } from "./request-guard";

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
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    // What React sends for `action(prevState, formData)`: the FormData's entries, then the arguments.
    const body = `${part("1_step", "identity")}${part("0", '["$undefined","$K1"]')}--${boundary}--\r\n`;
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

/** A FormData with its parts in this order (an object would put "0" first). */
const form = (...parts: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of parts) data.append(k, v);
  return data;
};
const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  guardPageMutation(post({ origin: "http://portal.test", "next-action": "7f3a", ...headers }, body));
const statusOf = async (r: Promise<Response | null>) => (await r)?.status ?? "passed";

// Issue 12 (auth slice), item 7: bodies that parse but are not what React sends used to reach
// React's decoder, which threw ("Connection closed.", "Invalid forward reference.", "Cannot convert
// … to a BigInt", "CreateListFromArrayLike called on non-object") and Next.js answered 500.
describe("guardPageMutation: parseable but malformed action bodies", () => {
  it("lets what React sends through", async () => {
    const plain = { "content-type": "text/plain;charset=UTF-8" };
    expect(await statusOf(action('[{"email":"a@b.c","password":"x"},"$undefined"]', plain))).toBe("passed");
    expect(await statusOf(action('[{"a":"$$dollars","b":"$n12","c":"$D2026-01-01T00:00:00.000Z","d":"$NaN","e":"$-0","f":"$T"},"$0:0"]', plain))).toBe("passed");
    expect(await statusOf(action(form(["1", '{"x":1}'], ["2_name", "Dewi"], ["0", '["$1","$K2","$@1"]'])))).toBe("passed");
    const file = new FormData();
    file.append("1", new Blob(["%PDF-1.4"]), "a.pdf");
    file.append("0", '["$B1"]');
    expect(await statusOf(action(file))).toBe("passed");
  });

  it("answers 400 for a plain body that is not a list or refers to parts it cannot have", async () => {
    const plain = { "content-type": "text/plain;charset=UTF-8" };
    for (const body of ["5", '"abc"', "null", '{"a":1}', '["$1"]', '["$Q1"]', '["$h1"]', '["$B1"]', '["$nxyz"]', '["$Z"]', '[{"deep":["$@2"]}]']) {
      const res = await action(body, plain);
      expect(res?.status, body).toBe(400);
      expect(await res?.json(), body).toMatchObject({ code: "malformed_request", message: expect.stringMatching(/^The request could not be read: .+\.$/) });
    }
  });

  it("answers 400 for a multipart action without its arguments, with a missing, late or non-JSON part", async () => {
    expect(await statusOf(action(form(["1", "x"])))).toBe(400); // no part 0
    expect(await statusOf(action(form(["0", "5"])))).toBe(400);
    expect(await statusOf(action(form(["0", "nope"])))).toBe(400);
    expect(await statusOf(action(form(["0", '["$1"]'])))).toBe(400);
    expect(await statusOf(action(form(["0", '["$1"]'], ["1", '{"email":"a@b.c"}'])))).toBe(400); // a forward reference
    expect(await statusOf(action(form(["1", "nope"], ["0", '["$1"]'])))).toBe(400);
    expect(await statusOf(action(form(["1", '["$2"]'], ["0", '["$1"]'])))).toBe(400); // part 1's own reference is missing
    expect(await statusOf(action(form(["1", "text"], ["0", '["$B1"]'])))).toBe(400); // a Blob that is text
  });

  it("answers 400 for a form posted without JavaScript whose action reference is broken", async () => {
    const mpa = (...parts: [string, string][]) => guardPageMutation(post({ origin: "http://portal.test" }, form(...parts)));
    expect(await statusOf(mpa(["$ACTION_ID_7f3a", ""], ["email", "x"]))).toBe("passed");
    expect(await statusOf(mpa(["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f3a","bound":null}']))).toBe("passed");
    expect(await statusOf(mpa(["$ACTION_REF_1", ""], ["$ACTION_1:1", "[1]"], ["$ACTION_1:0", '{"id":"7f3a","bound":"$@1"}']))).toBe("passed");
    expect(await statusOf(mpa(["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f3a","bound":"$@1"}']))).toBe(400);
    expect(await statusOf(mpa(["$ACTION_REF_1", ""], ["$ACTION_1:0", "nope"]))).toBe(400);
    expect(await statusOf(mpa(["$ACTION_REF_1", ""], ["$ACTION_1:1", "5"], ["$ACTION_1:0", '{"id":"7f3a","bound":"$@1"}']))).toBe(400);
  });
});

// Issue 12 (auth slice), item 6: X-Forwarded-Host is the client's say-so unless a trusted proxy sent it.
describe("checkOrigin and forwarded hosts", () => {
  const req = (headers: Record<string, string>) => new Request("http://portal.test/x", { method: "POST", headers: { host: "portal.test", ...headers } });
  it("ignores X-Forwarded-Host from an untrusted peer (the default)", async () => {
    // A cross-site form that also names its own host in X-Forwarded-Host used to pass.
    expect(checkOrigin(req({ origin: "https://evil.example", "x-forwarded-host": "evil.example" }))?.status).toBe(403);
    expect(checkOrigin(req({ origin: "http://portal.test", "x-forwarded-host": "evil.example" }))).toBeNull();
    expect((await guardPageMutation(req({ origin: "https://evil.example", "x-forwarded-host": "evil.example", "next-action": "7f3a" })))?.status).toBe(403);
  });
  it("believes X-Forwarded-Host from a trusted proxy", () => {
    const viaProxy = { origin: "https://lumbung.example", "x-forwarded-host": "lumbung.example" };
    expect(checkOrigin(req(viaProxy), { trustForwarded: true })).toBeNull();
    expect(checkOrigin(req({ ...viaProxy, origin: "https://evil.example" }), { trustForwarded: true })?.status).toBe(403);
    expect(checkOrigin(req({ origin: "http://portal.test" }), { trustForwarded: true })).toBeNull();
  });
});
