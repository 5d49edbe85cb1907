import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./helpers";

/** Issue 12 (5): a strict CSP with per-request nonces, the other security headers, and no page breaks it. */

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values];
      }),
  );
}

/** Records CSP violations (the DOM event and Chromium's console report) from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  return res!;
}

test.describe("security headers", () => {
  test("pages carry a strict nonce CSP and the security headers; the nonce is fresh and on Next.js's scripts", async ({ request }) => {
    for (const path of ["/", "/sign-in", "/sign-up/lender"]) {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const h = res.headers();
      const csp = directives(h["content-security-policy"] ?? "");
      const nonce = csp["script-src"]!.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      expect(csp["script-src"]).toContain("'strict-dynamic'");
      expect(csp["script-src"]).not.toContain("'unsafe-inline'");
      expect(csp["script-src"]).not.toContain("'unsafe-eval'");
      expect(csp["default-src"]).toEqual(["'self'"]);
      expect(csp["frame-ancestors"]).toEqual(["'none'"]);
      expect(csp["object-src"]).toEqual(["'none'"]);
      expect(csp["base-uri"]).toEqual(["'self'"]);
      expect(csp["form-action"]).toEqual(["'self'"]);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"]).toContain("geolocation=()");
      expect(h["cross-origin-opener-policy"]).toBe("same-origin");
      // Served over plain HTTP (PUBLIC_URL http://…): no HSTS and no upgrade-insecure-requests.
      expect(h["strict-transport-security"]).toBeUndefined();
      expect(csp["upgrade-insecure-requests"]).toBeUndefined();
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
      const again = directives((await request.get(path)).headers()["content-security-policy"]!);
      expect(again["script-src"]).not.toContain(`'nonce-${nonce}'`);
    }
    // Responses the proxy does not render (API JSON) get a CSP under which nothing runs.
    const api = await request.get("/api/health");
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("no page of any area reports a CSP violation, and they work (hydration, charts, toasts, forms, sandbox payment)", async ({ page }) => {
    test.setTimeout(240_000);
    const violations = await watchCsp(page);

    await visit(page, "/");
    await visit(page, "/sign-in");
    await visit(page, "/sign-up/borrower");

    await signIn(page, "lender@lumbung.test");
    for (const path of ["/lender", "/lender/marketplace", "/lender/portfolio", "/lender/gold", "/lender/wallet", "/lender/auto-purchase", "/lender/cart", "/lender/notifications", "/lender/kyc"]) {
      await visit(page, path);
    }
    // A client-side form round trip and the sandbox payment page (form-action 'self', its return link).
    await visit(page, "/lender/wallet");
    await page.getByLabel("Bank").first().selectOption("BCA");
    await page.getByLabel("Amount (Rp)").first().fill("1000000");
    await page.getByRole("button", { name: "Create payment" }).click();
    await page.getByRole("link", { name: "Pay with the sandbox gateway" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sandbox payment gateway" })).toBeVisible();
    await page.getByRole("button", { name: /Pay Rp\s?1,000,000/ }).click();
    await expect(page.getByText("Payment sent. The merchant has been notified.")).toBeVisible();
    await page.getByRole("link", { name: "Return to Lumbung" }).click();
    await expect(page.getByText("Paid. Your balance is updated.")).toBeVisible();
    await signOut(page);

    await signIn(page, "borrower@lumbung.test");
    for (const path of ["/borrower", "/borrower/apply", "/borrower/loans", "/borrower/wallet", "/borrower/notifications"]) await visit(page, path);
    await signOut(page);

    await signIn(page, "admin@lumbung.test");
    for (const path of ["/admin", "/admin/users", "/admin/kyc", "/admin/loans", "/admin/products", "/admin/withdrawals", "/admin/gold", "/admin/jobs", "/admin/ledger", "/admin/notifications", "/admin/time-machine"]) {
      await visit(page, path);
    }
    await signOut(page);

    expect(violations).toEqual([]);
  });
});
