import { expect, test } from "@playwright/test";
import { request, type IncomingHttpHeaders } from "node:http";
import { uniqueEmail } from "./helpers";

/** Open-redirect payloads a browser would turn into another host (TAB stripped, `\` read as `/`, …). */
const BYPASSES = ["/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "/%5cevil.example", "https://evil.example/lender", "javascript:alert(1)"];

test.describe("sign-in and payment redirects stay on Lumbung", () => {
  test("a hostile sign-in callback lands the user on their dashboard; a real one is honoured", async ({ page }) => {
    for (const callbackUrl of [...BYPASSES, "/lender/portfolio"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill("lender@lumbung.test");
      await page.getByLabel("Password").fill("lumbung-demo-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      const url = new URL(page.url());
      expect(url.host, callbackUrl).toMatch(/^localhost:\d+$/);
      expect(url.pathname, callbackUrl).toBe(callbackUrl === "/lender/portfolio" ? "/lender/portfolio" : "/lender");
    }
  });

  test("the sandbox payment page's return link refuses another host", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("lender@lumbung.test");
    await page.getByLabel("Password").fill("lumbung-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.goto("/lender/wallet");
    await page.getByLabel("Bank").first().selectOption("BCA");
    await page.getByLabel("Amount (Rp)").first().fill("100000");
    await page.getByRole("button", { name: "Create payment" }).click();
    await page.getByRole("link", { name: "Pay with the sandbox gateway" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sandbox payment gateway" })).toBeVisible();
    const payPage = new URL(page.url());
    const back = payPage.searchParams.get("return")!;
    expect(back).toMatch(/^\/lender\/wallet\/topups\//);
    await expect(page.getByRole("link", { name: "Return to Lumbung" })).toHaveAttribute("href", back);

    for (const value of BYPASSES) {
      await page.goto(`${payPage.pathname}?return=${encodeURIComponent(value)}`);
      await expect(page.getByRole("link", { name: "Return to Lumbung" }), value).toHaveAttribute("href", "/");
    }
    // Following the link of the TAB payload stays here.
    await page.goto(`${payPage.pathname}?return=${encodeURIComponent("/\t/evil.example")}`);
    await page.getByRole("link", { name: "Return to Lumbung" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).host).toMatch(/^localhost:\d+$/);
  });
});

test.describe("weak passwords at sign-up", () => {
  test("the form says why a password is refused, in both languages", async ({ page }) => {
    const email = uniqueEmail("weak");
    await page.goto("/sign-up/lender");
    await page.getByLabel("Full name").fill("Wulan Permata");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mobile phone").fill("081233334444");

    const tryPassword = async (password: string, message: string) => {
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText(message)).toBeVisible();
      await expect(page).toHaveURL(/\/sign-up\/lender/);
    };
    await tryPassword("1111111111", "This password is among the most common ones found in data breaches. Choose one that is harder to guess.");
    await tryPassword(email, "The password must not contain your email address.");
    await tryPassword("permata-wulan-2026", "The password must not contain your name.");

    await page.getByLabel("Language", { exact: true }).selectOption("id");
    await expect(page.getByLabel("Nama lengkap")).toBeVisible();
    await page.getByLabel("Nama lengkap").fill("Wulan Permata");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Nomor ponsel").fill("081233334444");
    await page.getByLabel("Kata sandi").fill("iloveyou12");
    await page.getByRole("button", { name: "Buat akun" }).click();
    await expect(page.getByText("Kata sandi ini termasuk yang paling umum dalam kebocoran data. Pilih yang lebih sulit ditebak.")).toBeVisible();
  });
});

test.describe("the client IP behind Lumbung's server", () => {
  /** One raw HTTP request from a chosen loopback address (so the limits hit no other test's 127.0.0.1). */
  function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
    const base = new URL(test.info().project.use.baseURL!);
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: Number(base.port), localAddress: "127.0.0.2", path, method: init.method ?? "GET", headers: init.headers },
        (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on("error", reject);
      req.end(init.body);
    });
  }

  test("a rotating X-Forwarded-For (and a forged peer header) does not escape the per-address limit", async () => {
    const csrf = await send("/api/auth/csrf", {});
    const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const codes: string[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await send("/api/auth/callback/credentials", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie,
          "x-forwarded-for": `10.9.${i}.1`,
          "x-lumbung-peer": `10.8.${i}.1`,
        },
        body: new URLSearchParams({ email: `spray${i}@e2e.lumbung.test`, password: "not-the-password", csrfToken }).toString(),
      });
      codes.push(new URL(res.headers.location ?? "/", "http://x").searchParams.get("code") ?? `status ${res.status}`);
    }
    expect(codes.slice(0, 30).every((c) => c === "invalid_credentials"), codes.join(",")).toBe(true);
    expect(codes[30]).toBe("rate_limited");
  });
});
