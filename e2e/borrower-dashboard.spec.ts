import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { checkActive, checkDefault, checkFunding, checkLate, checkWaiting } from "./dashboard-states";

// The borrower dashboard in each loan state, with the seeded borrowers (README "demo accounts").
test.describe("borrower dashboard by loan state (desktop)", () => {
  test("active: balance, next installment with its date and Pay, which adds up on the loan page", async ({ page }) => {
    await checkActive(page);
  });
  test("in funding: progress and the funding deadline", async ({ page }) => {
    await checkFunding(page);
  });
  test("late: a warning that says what it means and what to do; late fees listed in Pay and the schedule", async ({ page }) => {
    await checkLate(page);
    // Desktop: the schedule is a table whose footer is the late-fee line.
    await expect(page.getByRole("table").getByRole("rowheader", { name: "Late fees" })).toBeVisible();
  });
  test("default: the warning and the loan page explain the default", async ({ page }) => {
    await checkDefault(page);
  });
  test("waiting on the borrower: an offer to accept, a question to answer, a draft to finish", async ({ page }) => {
    await checkWaiting(page);
  });
});

test("the verified, risk-checked demo lender is not told investing needs a verified identity, and sees what's next", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await page.goto("/lender");
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  await expect(page.getByText(/investing needs a verified identity/)).toHaveCount(0);
  await expect(page.getByText(/You can invest: your identity is verified/)).toBeVisible();
  await expect(page.getByText("Account value")).toBeVisible();
  await expect(page.getByText("Cash to invest")).toBeVisible();
  await expect(page.getByRole("region", { name: "Upcoming repayments" })).toBeVisible();
  const next = page.getByRole("region", { name: "What's next" });
  await expect(next).toBeVisible();
  await expect(next.getByText("Verify your identity")).toHaveCount(0);
  await expect(next.getByText("Take the risk check")).toHaveCount(0);
  const activity = await page.getByRole("region", { name: "Recent activity" }).innerText();
  expect(activity).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
});
