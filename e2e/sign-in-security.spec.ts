import { expect, test } from "@playwright/test";
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
