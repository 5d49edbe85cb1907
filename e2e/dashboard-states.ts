import { expect, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** The seeded borrowers, one per loan state (db/seed/loans.ts DEMO_STATE_BORROWERS). */
export const STATE_ACCOUNTS = {
  active: "borrower@lumbung.test",
  funding: "borrower-funding@lumbung.test",
  late: "borrower-late@lumbung.test",
  default: "borrower-default@lumbung.test",
  waiting: "borrower-waiting@lumbung.test",
} as const;

const digits = (s: string | null) => BigInt((s ?? "").replace(/[^\d]/g, "") || "0");

/** Signs in as a seeded borrower and opens the dashboard, in English unless asked (the seeded borrowers speak Indonesian). */
export async function openDashboard(page: Page, email: string, locale: "en" | "id" = "en") {
  await page.context().clearCookies();
  await signIn(page, email);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
  await page.goto("/borrower");
  await expect(page.getByRole("heading", { level: 1, name: locale === "en" ? "Borrower dashboard" : "Dasbor Peminjam" })).toBeVisible();
}

export async function expectNoHorizontalScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

/** No raw event name (snake_case) in Recent activity. */
export async function expectActivityInWords(page: Page) {
  const activity = page.getByRole("region", { name: "Recent activity" });
  await expect(activity).toBeVisible();
  const text = (await activity.innerText()).trim();
  expect(text.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
}

export async function expectGettingStartedHidden(page: Page) {
  await expect(page.getByRole("heading", { name: "Getting started" })).toHaveCount(0);
}

/** On a loan page: the Pay button's amount is the sum of the lines listed above it. */
export async function expectPayAddsUp(page: Page) {
  const lines = page.getByTestId("due-now-lines");
  await expect(lines).toBeVisible();
  const amounts = (await lines.locator("dd").allInnerTexts()).map(digits);
  expect(amounts.length).toBeGreaterThanOrEqual(2);
  const total = amounts.at(-1)!;
  expect(amounts.slice(0, -1).reduce((s, a) => s + a, 0n)).toBe(total);
  const button = page.getByRole("button", { name: /Pay from wallet/ });
  expect(digits(await button.innerText())).toBe(total);
}

export async function checkActive(page: Page) {
  await openDashboard(page, STATE_ACCOUNTS.active);
  await expectGettingStartedHidden(page);
  await expect(page.getByRole("heading", { name: "Outstanding balance" })).toBeVisible();
  const next = page.getByRole("region", { name: "Next installment" });
  // Other specs may give the demo borrower a second loan: each loan has its own next installment.
  await expect(next.getByText(/Installment \d+: .+, due /).first()).toBeVisible();
  await expect(next.getByRole("link", { name: /^Pay / }).first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: /overdue|default/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Loans in funding" })).toBeVisible();
  await expectActivityInWords(page);
  await next.getByRole("link", { name: /^Pay / }).first().click();
  await expect(page).toHaveURL(/\/borrower\/loans\/.+#pay$/);
  await expectPayAddsUp(page);
}

export async function checkFunding(page: Page) {
  await openDashboard(page, STATE_ACCOUNTS.funding);
  await expectGettingStartedHidden(page);
  const funding = page.getByRole("region", { name: "Loans in funding" });
  const bar = funding.getByRole("progressbar");
  await expect(bar).toBeVisible();
  const pct = Number(await bar.getAttribute("aria-valuenow"));
  expect(pct).toBeGreaterThan(0);
  expect(pct).toBeLessThan(100);
  await expect(funding.getByText(/Funding closes on/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next installment" })).toHaveCount(0);
}

export async function checkLate(page: Page) {
  await openDashboard(page, STATE_ACCOUNTS.late);
  const alert = page.getByRole("alert").filter({ hasText: "A payment is overdue" });
  await expect(alert).toBeVisible();
  await expect(alert.getByText(/late fees have been added/)).toBeVisible();
  await expect(alert.getByText(/Pay the overdue amount now/)).toBeVisible();
  await alert.getByRole("link", { name: "See what to pay" }).click();
  await expect(page.getByRole("heading", { name: "This loan is late" })).toBeVisible();
  await expectPayAddsUp(page);
  await expect(page.getByTestId("due-now-lines").getByText("Late fees")).toBeVisible();
  // The schedule closes with the late fees.
  await expect(page.getByRole("region", { name: "Repayment schedule" }).getByText("Late fees", { exact: true }).filter({ visible: true }).first()).toBeVisible();
}

export async function checkDefault(page: Page) {
  await openDashboard(page, STATE_ACCOUNTS.default);
  const alert = page.getByRole("alert").filter({ hasText: "Your loan is in default" });
  await expect(alert).toBeVisible();
  await expect(alert.getByText(/credit bureau/)).toBeVisible();
  await alert.getByRole("link", { name: "See what to pay" }).click();
  await expect(page.getByRole("heading", { name: "This loan is in default" })).toBeVisible();
  await expectPayAddsUp(page);
}

export async function checkWaiting(page: Page) {
  await openDashboard(page, STATE_ACCOUNTS.waiting);
  await expectGettingStartedHidden(page);
  const waiting = page.getByRole("region", { name: "Waiting for you" });
  await expect(waiting.getByRole("link", { name: "Review and accept" })).toBeVisible();
  await expect(waiting.getByRole("link", { name: "Answer the reviewer" })).toBeVisible();
  await expect(waiting.getByRole("link", { name: "Finish application" })).toBeVisible();
}
