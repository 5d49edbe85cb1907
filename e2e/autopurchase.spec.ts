import { expect, test, type Page } from "@playwright/test";
import { setLanguage, signIn, signOut } from "./helpers";

/**
 * Auto-purchase in the browser: a verified seeded lender (KYC approved, risk check passed, plenty of
 * cash, no strategies yet) sets up a strategy, accepts the power of attorney and turns it on; an admin approves the seeded
 * application in review (CV Kopi Nusantara, Invoice Financing Rp30.000.000, 60 days); the matching
 * job buys part of it, and the lender sees the investment and a notification. Then the list is
 * reordered, paused, edited with a field error and a strategy deleted; Indonesian and 375 px checks.
 */
test.describe.configure({ mode: "serial" });

// A verified seeded lender with cash and no strategies yet (the demo lender has seeded ones).
const LENDER = "lender3@lumbung.test";
const STRATEGY = "Invoices any grade";
const PURPOSE = "Tagihan ke jaringan hotel, dibayar dalam 60 hari";

/** Seeded lenders 2–4 are verified with cash but read Indonesian; the tests read English. */
async function inEnglish(page: Page) {
  if ((await page.locator("html").getAttribute("lang")) !== "en") await setLanguage(page, "en");
}

async function noHorizontalScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

test("a lender sets up a strategy, an admin approves a matching loan, and it is bought automatically", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, LENDER);
  await inEnglish(page);
  await page.getByRole("navigation", { name: "Lender navigation" }).getByRole("link", { name: "Auto-purchase" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Auto-purchase" })).toBeVisible();
  await expect(page.getByText("No strategies yet")).toBeVisible();
  const gates = page.getByRole("region", { name: "Before you turn it on" });
  await expect(gates.getByText("Identity verified")).toBeVisible();
  await expect(gates.getByRole("button", { name: "Read and accept the power of attorney" })).toBeVisible();

  // The form: a client-side field error first, then valid rules with the live preview.
  await page.getByRole("link", { name: "New strategy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New strategy" })).toBeVisible();
  await page.getByLabel("Strategy name").fill(STRATEGY);
  await page.getByLabel("Invoice Financing").check();
  await page.getByLabel("Longest tenor (months)").fill("3");
  await page.getByLabel("Amount per loan (Rp)").fill("1000000");
  await page.getByLabel("Total budget (Rp)").fill("500000");
  await page.getByRole("button", { name: "Create strategy" }).click();
  await expect(page.getByText("The budget must be at least the amount per loan.")).toBeVisible();
  await page.getByLabel("Total budget (Rp)").fill("20000000");
  await page.getByRole("button", { name: "All of grade A" }).click();
  await expect(page.getByLabel("A3", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "All of grade A" }).click();
  await expect(page.getByLabel("A3", { exact: true })).not.toBeChecked();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText(/With these rules, \d+ of today's listed loans would match\./)).toBeVisible({ timeout: 20_000 });
  await expect(preview.getByRole("link", { name: /^Invoice Financing · [A-E][1-5] · / }).first()).toBeVisible();
  await page.getByRole("button", { name: "Create strategy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Auto-purchase" })).toBeVisible();
  await expect(page.getByRole("link", { name: STRATEGY, exact: true })).toBeVisible();

  // Turning it on asks for the power of attorney first, then proceeds.
  const toggle = page.getByRole("switch", { name: `Auto-purchase with ${STRATEGY}` });
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  const poa = page.getByRole("dialog", { name: "Power of attorney for auto-purchase" });
  await expect(poa.getByText("Version 1")).toBeVisible();
  await expect(poa.getByRole("button", { name: "Accept and continue" })).toBeDisabled();
  await poa.getByLabel("I accept the power of attorney").check();
  await poa.getByRole("button", { name: "Accept and continue" }).click();
  await expect(page.getByText(`${STRATEGY} is on.`)).toBeVisible();
  await expect(toggle).toBeChecked();
  await expect(gates.getByText(/Version 1, accepted/)).toBeVisible();
  await signOut(page);

  // A second lender keeps more cash in reserve than they have: their strategy will skip the loan.
  await signIn(page, "lender2@lumbung.test");
  await inEnglish(page);
  await page.goto("/lender/auto-purchase/new");
  await page.getByLabel("Strategy name").fill("Reserve heavy");
  await page.getByLabel("Amount per loan (Rp)").fill("1000000");
  await page.getByLabel("Total budget (Rp)").fill("10000000");
  await page.getByLabel("Cash to keep in reserve (Rp)").fill("3000000000");
  await page.getByRole("button", { name: "Create strategy" }).click();
  await page.getByRole("switch", { name: "Auto-purchase with Reserve heavy" }).click();
  await page.getByRole("dialog", { name: "Power of attorney for auto-purchase" }).getByLabel("I accept the power of attorney").check();
  await page.getByRole("button", { name: "Accept and continue" }).click();
  await expect(page.getByText("Reserve heavy is on.")).toBeVisible();
  await signOut(page);

  // The admin approves the seeded application in review: it is listed and matched.
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/loans");
  await page.getByRole("link", { name: "Open CV Kopi Nusantara" }).first().click();
  await expect(page.getByRole("heading", { name: "Scorecard" })).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved and listed on the marketplace.")).toBeVisible();
  await signOut(page);

  // The matching job runs in the app's worker: poll the strategy page until the purchase shows.
  await signIn(page, LENDER);
  await inEnglish(page);
  await page.goto("/lender/auto-purchase");
  await page.getByRole("link", { name: STRATEGY, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: STRATEGY })).toBeVisible();
  const bought = page.getByRole("list", { name: "Bought" });
  await expect(async () => {
    await page.reload();
    await expect(bought.getByRole("link", { name: new RegExp(`Open the investment in .*${PURPOSE}`) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await expect(bought).toContainText(/Rp\s?1,000,000/);

  // The investment is in the portfolio (the link opens the lender's view of the loan) …
  await bought.getByRole("link", { name: new RegExp(`Open the investment in .*${PURPOSE}`) }).click();
  await expect(page).toHaveURL(/\/lender\/portfolio\/[0-9a-f-]{36}/);
  await expect(page.getByText(/Rp\s?1,000,000/).first()).toBeVisible();
  await page.goto("/lender/portfolio?status=funding&sort=amount_desc");
  await expect(page.getByRole("table", { name: "Investments" }).getByRole("link", { name: /Open loan CV Kopi Nusantara · Invoice Financing/ }).first()).toBeVisible();

  // … and a notification says so.
  await page.goto("/lender/notifications");
  await expect(page.getByText(new RegExp(`Auto-purchase \\(${STRATEGY}\\) invested Rp\\s?1[.,]000[.,]000 in a`)).first()).toBeVisible();
  await signOut(page);

  // The second lender's strategy skipped it, and says why with the figures.
  await signIn(page, "lender2@lumbung.test");
  await page.goto("/lender/auto-purchase");
  await page.getByRole("link", { name: "Reserve heavy", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reserve heavy" })).toBeVisible();
  const skipped = page.getByRole("list", { name: "Skipped recently" });
  await expect(async () => {
    await page.reload();
    await expect(skipped).toContainText(PURPOSE, { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(skipped).toContainText(/Would go below your cash reserve: Rp\s?[\d,]+ available, Rp\s?3,000,000,000 kept in reserve, Rp\s?[\d,]+ needed/);
});

test("strategies are reordered, paused, edited with a field error and deleted", async ({ page }) => {
  await signIn(page, LENDER);
  await inEnglish(page);
  await page.goto("/lender/auto-purchase/new");
  await page.getByLabel("Strategy name").fill("Short paylater");
  await page.getByLabel("Paylater Bisnis").check();
  await page.getByLabel("Minimum annual rate (%)").fill("14,5");
  await page.getByLabel("Amount per loan (Rp)").fill("50000");
  await expect(page.getByText(/Below the minimum of Paylater Bisnis \(Rp\s?100,000\): those loans will be skipped\./)).toBeVisible();
  await page.getByLabel("Amount per loan (Rp)").fill("500000");
  await expect(page.getByText(/Below the minimum of/)).toHaveCount(0);
  await page.getByLabel("Total budget (Rp)").fill("5000000");
  await page.getByLabel("Reinvest repayments with this strategy").uncheck();
  await page.getByRole("button", { name: "Create strategy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Auto-purchase" })).toBeVisible();

  // Priority order: the new one is last; move it up.
  const names = page.getByRole("list", { name: "Your strategies" }).getByRole("heading", { level: 3 });
  await expect(names).toHaveText([new RegExp(STRATEGY), /Short paylater/]);
  await page.getByRole("button", { name: "Move Short paylater up" }).click();
  await expect(page.getByText("Order saved.")).toBeVisible();
  await expect(names).toHaveText([/Short paylater/, new RegExp(STRATEGY)]);
  await expect(page.getByRole("button", { name: "Move Short paylater up" })).toBeDisabled();

  // Pause the first strategy.
  const toggle = page.getByRole("switch", { name: `Auto-purchase with ${STRATEGY}` });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(page.getByText(`${STRATEGY} is paused.`)).toBeVisible();
  await expect(toggle).not.toBeChecked();

  // Edit: a wrong amount stays on its field; a valid one saves.
  await page.getByRole("link", { name: "Edit Short paylater" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit strategy" })).toBeVisible();
  await expect(page.getByLabel("Minimum annual rate (%)")).toHaveValue("14.5");
  await expect(page.getByLabel("Reinvest repayments with this strategy")).not.toBeChecked();
  await expect(page.getByLabel("Paylater Bisnis")).toBeChecked();
  await expect(page.getByLabel("Invoice Financing")).not.toBeChecked();
  await page.getByLabel("Amount per loan (Rp)").fill("0");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The amount is below the minimum.")).toBeVisible();
  await expect(page.getByLabel("Amount per loan (Rp)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Amount per loan (Rp)").fill("600000");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Short paylater" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rules" })).toContainText(/Rp\s?600,000/);
  await expect(page.getByRole("region", { name: "Rules" })).toContainText("14.5% a year");

  // Delete it, with a confirmation.
  await page.goto("/lender/auto-purchase");
  await page.getByRole("button", { name: "Delete Short paylater" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this strategy?" });
  await confirm.getByRole("button", { name: "Delete strategy" }).click();
  await expect(page.getByText("Strategy deleted.")).toBeVisible();
  await expect(names).toHaveText([new RegExp(STRATEGY)]);
});

test("the auto-purchase pages in Indonesian and on a 375 px phone", async ({ page }) => {
  await signIn(page, LENDER);
  await inEnglish(page);
  await page.goto("/lender/auto-purchase");
  await setLanguage(page, "id");
  await expect(page.getByRole("heading", { level: 1, name: "Pembelian otomatis" })).toBeVisible();
  await expect(page.getByRole("switch", { name: `Pembelian otomatis dengan ${STRATEGY}` })).toBeVisible();
  await page.getByRole("link", { name: "Strategi baru" }).click();
  await expect(page.getByLabel("Jumlah per pinjaman (Rp)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Semua grade B" })).toBeVisible();
  await setLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "New strategy" })).toBeVisible();

  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ["/lender/auto-purchase", "/lender/auto-purchase/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await noHorizontalScroll(page, path);
  }
  await page.goto("/lender/auto-purchase");
  await page.getByRole("link", { name: STRATEGY, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: STRATEGY })).toBeVisible();
  await noHorizontalScroll(page, "strategy page");
});

test("a lender whose identity is not verified yet is shown the way and cannot turn a strategy on", async ({ page }) => {
  await signIn(page, "dewi@lumbung.test");
  await inEnglish(page);
  await page.goto("/lender/auto-purchase");
  const gates = page.getByRole("region", { name: "Before you turn it on" });
  await expect(gates.getByRole("link", { name: "Verify your identity" })).toHaveAttribute("href", "/lender/kyc");
  await expect(gates.getByRole("link", { name: "Take the risk check" })).toHaveAttribute("href", "/lender/risk");
  await page.getByRole("link", { name: "New strategy" }).click();
  await page.getByLabel("Strategy name").fill("Not yet");
  await page.getByLabel("Amount per loan (Rp)").fill("100000");
  await page.getByLabel("Total budget (Rp)").fill("1000000");
  await page.getByRole("button", { name: "Create strategy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Auto-purchase" })).toBeVisible();
  await page.getByRole("switch", { name: "Auto-purchase with Not yet" }).click();
  await expect(page.getByText("Verify your identity before turning auto-purchase on.")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Auto-purchase with Not yet" })).not.toBeChecked();
});

test("the demo lender's seeded strategies: one on, one paused, and skips explained with their figures", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await page.goto("/lender/auto-purchase");
  await expect(page.getByRole("region", { name: "Before you turn it on" }).getByText(/Version 1, accepted/)).toBeVisible();
  await expect(page.getByRole("switch", { name: "Auto-purchase with Working capital, steady" })).toBeChecked();
  await expect(page.getByRole("switch", { name: "Auto-purchase with Short invoices" })).not.toBeChecked();
  await page.getByRole("link", { name: "Working capital, steady", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Working capital, steady" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rules" })).toContainText("Modal Usaha, Paylater Bisnis");
  await expect(page.getByRole("list", { name: "Skipped recently" }).getByText(/(Budget used up|Maximum per borrower reached|Not enough cash|Lending limit reached|Would go below your cash reserve): .*Rp\s?[\d,]+/).first()).toBeVisible();
});
