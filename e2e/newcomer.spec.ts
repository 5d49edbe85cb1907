import { expect, test, type Page } from "@playwright/test";
import { setLanguage, signIn, uniqueEmail } from "./helpers";

/**
 * Issue 13's smaller newcomer items in the browser: the top-up page after the gateway (status, copy
 * button, bank steps), the landing page's figures and footer pages, the auto-purchase preview that
 * stays quiet while the form is empty, and the time machine's preview and single jump per submit.
 */

async function inEnglish(page: Page) {
  if ((await page.locator("html").getAttribute("lang")) !== "en") await setLanguage(page, "en");
}

test("top-up: copy the VA number, read the bank's steps, and see Paid on return from the gateway", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/sign-up/lender");
  await page.getByLabel("Full name").fill("Sari Wulandari");
  await page.getByLabel("Email").fill(uniqueEmail("topup"));
  await page.getByLabel("Mobile phone").fill("081233334444");
  await page.getByLabel("Password").fill("rahasia-sekali-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  await page.goto("/lender/wallet");
  await page.getByLabel("Bank").first().selectOption("BRI");
  await page.getByLabel("Amount (Rp)").first().fill("250000");
  await page.getByRole("button", { name: "Create payment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Top-up Rp\s?250,000/ })).toBeVisible();
  const va = (await page.getByTestId("va-number").textContent())!.trim();

  // Copy: a named button, the number on the clipboard, "Copied" announced.
  await page.getByRole("button", { name: "Copy virtual account number" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Virtual account number copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(va);

  // The bank's steps, one disclosure per channel, closed until opened.
  await expect(page.getByRole("heading", { name: "How to pay from BRI" })).toBeVisible();
  const mobile = page.locator("details").filter({ has: page.getByText("Mobile banking", { exact: true }) });
  await expect(mobile.getByText("Open BRImo on your phone and sign in.")).toBeHidden();
  await mobile.getByText("Mobile banking", { exact: true }).click();
  await expect(mobile.getByText("Open BRImo on your phone and sign in.")).toBeVisible();
  await expect(mobile.getByText(`Enter the virtual account number ${va}.`)).toBeVisible();

  // Pay in the sandbox, come back: the page says Paid straight away.
  await expect(page.getByText("Waiting for payment", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Pay with the sandbox gateway" }).click();
  await page.getByRole("button", { name: /Pay Rp\s?250,000/ }).click();
  await expect(page.getByText("Payment sent. The merchant has been notified.")).toBeVisible();
  await page.getByRole("link", { name: "Return to Lumbung" }).click();
  await expect(page).toHaveURL(/\/lender\/wallet\/topups\/[^/]+\?returned=1$/);
  await expect(page.getByText("Paid", { exact: true })).toBeVisible({ timeout: 5_000 });
  // And after the browser's back and forward (a restored page is asked again).
  await page.goBack();
  await page.goForward();
  await expect(page.getByText("Paid", { exact: true })).toBeVisible({ timeout: 5_000 });
});

test("landing page: figures with their basis, the licence statement and the legal pages in both languages", async ({ page }) => {
  await page.goto("/");
  await inEnglish(page);
  for (const label of ["Borrowing rates", "Lenders' average return", "Lenders investing", "Borrowers funded"]) {
    await expect(page.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByText(/^\d+ of \d+ registered borrowers have had a loan paid out\.$/)).toBeVisible();
  await expect(page.getByText(/\d+\.\d{2}% – \d+\.\d{2}% a year/)).toBeVisible();
  await expect(page.getByTestId("figures-basis")).toContainText(/^As of .*\d{4}\./);
  await expect(page.getByTestId("licence-statement")).toContainText("not licensed by");
  const footer = page.getByRole("navigation", { name: "Legal and contact" });
  for (const [name, heading] of [["Terms of use", "Terms of use"], ["Privacy policy", "Privacy policy"], ["Risk disclosure", "Risk disclosure"], ["Contact", "Contact"]] as const) {
    await footer.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.goto("/");
  }
  await page.getByLabel("Language").first().selectOption("id");
  await expect(page.getByText("Imbal hasil rata-rata lender", { exact: true })).toBeVisible();
  await expect(page.getByText(/\d+,\d{2}% – \d+,\d{2}% per tahun/)).toBeVisible();
  await page.getByRole("navigation", { name: "Legal dan kontak" }).getByRole("link", { name: "Pengungkapan risiko" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pengungkapan risiko" })).toBeVisible();
  await page.getByLabel("Bahasa").first().selectOption("en");
  expect((await page.request.get("/legal/nothing")).status()).toBe(404);
});

test("the auto-purchase preview asks the server nothing while the form is empty", async ({ page }) => {
  await signIn(page, "lender4@lumbung.test");
  await inEnglish(page);
  const previews: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/auto-purchase/preview")) previews.push(r.url());
  });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/lender/auto-purchase/new");
  const poa = page.getByRole("dialog", { name: "Power of attorney for auto-purchase" });
  if (await poa.isVisible().catch(() => false)) await page.keyboard.press("Escape");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText(/Enter an amount per loan and a budget/)).toBeVisible();
  await page.getByLabel("Amount per loan (Rp)").fill("500000");
  await page.waitForTimeout(1_500);
  expect(previews).toEqual([]);
  await page.getByLabel("Total budget (Rp)").fill("5000000");
  await expect(preview.getByText(/With these rules, \d+ of today's listed loans would match\./)).toBeVisible({ timeout: 20_000 });
  expect(previews.length).toBeGreaterThan(0);
  expect(errors.filter((e) => e.includes("preview") || e.includes("400"))).toEqual([]);
});

test("time machine: the jump is previewed, and a double submit moves the clock once", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/time-machine");
  await inEnglish(page);
  const before = Date.parse((await page.getByTestId("clock-now").getAttribute("data-now")) ?? "");
  const amount = page.getByLabel("How much");
  await amount.click();
  // Typing replaces the "1" already there (the field selects its text on focus): 2, not 12. (Two
  // hours, so the specs that run after this one in the shared e2e database are not disturbed.)
  await page.keyboard.type("2");
  await expect(amount).toHaveValue("2");
  await page.getByLabel("Unit").selectOption("hours");
  await expect(page.getByTestId("jump-preview")).toContainText("This moves the clock forward by 2 hours, to");
  const button = page.getByRole("button", { name: "Move forward" });
  await button.dblclick();
  await expect(page.getByText("The clock moved forward.").first()).toBeVisible();
  await expect(page.getByTestId("clock-now")).not.toHaveAttribute("data-now", new Date(before).toISOString());
  const after = Date.parse((await page.getByTestId("clock-now").getAttribute("data-now")) ?? "");
  const moved = after - before;
  // One jump of 2 hours (plus the seconds the test took), not two.
  expect(moved).toBeGreaterThanOrEqual(2 * 3_600_000);
  expect(moved).toBeLessThan(3 * 3_600_000);
});
