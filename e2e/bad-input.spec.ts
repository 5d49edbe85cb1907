import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

/**
 * Issue 12 (6): requests Next.js used to answer with a 500 get a clear 4xx with { code, message }.
 * A real server-action id is taken from the sign-in form's own request.
 */
async function captureSignInAction(page: Page): Promise<{ id: string; url: string }> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("lender@lumbung.test");
  await page.getByLabel("Password").fill(`${DEMO_PASSWORD}-wrong`);
  const request = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("button", { name: "Sign in" }).click();
  const r = await request;
  return { id: r.headers()["next-action"]!, url: r.url() };
}

test.describe("bad input gets a 4xx, not a 500", () => {
  let action: { id: string; url: string };
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    action = await captureSignInAction(page);
    await page.close();
  });

  test("a server action from a foreign Origin: 403 with a message", async ({ request, baseURL }) => {
    const res = await request.post(action.url, {
      headers: { "next-action": action.id, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ code: "foreign_origin", message: expect.stringContaining("another origin") });
    // Also a form posted without JavaScript from another site.
    const form = await request.post(`${baseURL}/lender/wallet`, { headers: { origin: "https://evil.example" }, multipart: { amount: "1" } });
    expect(form.status()).toBe(403);
  });

  test("a server-action body over the limit: 413", async ({ request, baseURL }) => {
    const res = await request.post(action.url, {
      headers: { "next-action": action.id, origin: baseURL!, "content-type": "text/plain;charset=UTF-8" },
      data: `["${"x".repeat(7 * 1024 * 1024)}"]`,
    });
    expect(res.status()).toBe(413);
    expect(await res.json()).toMatchObject({ code: "payload_too_large" });
  });

  test("a malformed server-action body: 400", async ({ request, baseURL }) => {
    const headers = { "next-action": action.id, origin: baseURL! };
    const notJson = await request.post(action.url, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: "{not json" });
    expect(notJson.status()).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: "malformed_request" });
    const badMultipart = await request.post(action.url, {
      headers: { ...headers, "content-type": "multipart/form-data; boundary=----x" },
      data: "------y\r\nnot a part\r\n",
    });
    expect(badMultipart.status()).toBe(400);
    const badId = await request.post(action.url, { headers: { ...headers, "next-action": "<script>", "content-type": "text/plain" }, data: "[]" });
    expect(badId.status()).toBe(400);
    // A well-formed request from the site itself still reaches the action.
    const fine = await request.post(action.url, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: "[]" });
    expect(fine.status()).toBeLessThan(500);
  });

  // Issue 12 (auth slice), item 7: bodies that parse but are not what React sends reached React's
  // decoder, which threw, and Next.js answered 500 (each of these did, against the sign-in action).
  test("a parseable server-action body of the wrong shape: 400 with a message", async ({ request, baseURL }) => {
    const headers = { "next-action": action.id, origin: baseURL! };
    for (const data of ["5", "null", '"abc"', '["$1"]', '["$Q1"]', '["$h1"]', '["$B1"]', '["$nxyz"]', '["$Z"]']) {
      const res = await request.post(action.url, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data });
      expect(res.status(), data).toBe(400);
      expect(await res.json(), data).toMatchObject({ code: "malformed_request", message: expect.stringMatching(/^The request could not be read: .+/) });
    }
    const multipart = async (parts: [string, string][]) =>
      (await request.post(action.url, { headers, multipart: Object.fromEntries(parts) })).status();
    expect(await multipart([["1", "x"]])).toBe(400); // no part 0
    expect(await multipart([["0", "5"]])).toBe(400);
    expect(await multipart([["0", "nope"]])).toBe(400);
    expect(await multipart([["0", '["$1"]']])).toBe(400);
    // A form posted without JavaScript whose bound arguments are missing.
    const mpa = await request.post(action.url, { headers: { origin: baseURL! }, multipart: { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: action.id, bound: "$@1" }) } });
    expect(mpa.status()).toBe(400);
    // What React sends still works: the action answers (a field error for a bad email).
    const fine = await request.post(action.url, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: '[{"email":"x","password":"y"},"$undefined"]' });
    expect(fine.status()).toBe(200);
  });

  test("NUL and lone surrogates in a JSON API: 400 with code and message", async ({ request, baseURL }) => {
    for (const raw of ['{"events":[{"name":"page_viewed","properties":{"path":"/a\\u0000b"}}]}', '{"events":[{"name":"page_viewed","properties":{"path":"/a\\ud800"}}]}']) {
      const res = await request.post(`${baseURL}/api/track`, { headers: { "content-type": "application/json" }, data: raw });
      expect(res.status()).toBe(400);
      expect(await res.json()).toMatchObject({ code: "text_invalid", message: expect.stringContaining("NUL") });
    }
    const ok = await request.post(`${baseURL}/api/track`, { headers: { "content-type": "application/json" }, data: `{"events":[{"id":"${crypto.randomUUID()}","name":"page_viewed","properties":{"path":"/ok ☕"}}]}` });
    expect(ok.status()).toBe(202);
  });
});
