import { expect, test } from "@playwright/test";
import fs from "node:fs/promises";
import { signIn } from "./helpers";

test("the demo lender sees the portfolio summary, investments, charts, downloads the CSV and opens a monthly statement", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();

  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByRole("term").filter({ hasText: "Outstanding principal" })).toBeVisible();
  await expect(summary.getByRole("term").filter({ hasText: "Net return (XIRR, after defaults)" })).toBeVisible();
  await expect(summary.getByRole("term").filter({ hasText: "TKB90" })).toBeVisible();

  // The seeded lender is in loans that are funding, active and repaid.
  const investments = page.getByRole("table", { name: "Investments" });
  await expect(investments.getByRole("row")).not.toHaveCount(1);
  await expect(investments.getByText("Active", { exact: true }).first()).toBeVisible();
  await expect(investments.getByText("Repaid", { exact: true }).first()).toBeVisible();

  // Filters live in the URL.
  await page.getByLabel("Status").selectOption("funding");
  await page.getByLabel("Sort by").selectOption("amount_desc");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=funding/);
  await expect(page).toHaveURL(/sort=amount_desc/);
  await expect(investments.getByText("Active", { exact: true })).toHaveCount(0);
  await expect(investments.getByText("Funding", { exact: true }).first()).toBeVisible();

  // A chart region with a table alternative.
  const valueChart = page.getByRole("region", { name: "Portfolio value over time" });
  await expect(valueChart).toBeVisible();
  await valueChart.getByText("Show as a table").click();
  await expect(valueChart.getByRole("table")).toBeVisible();
  await expect(page.getByRole("region", { name: "Allocation by grade" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all cash flows (CSV)" }).click()]);
  const csv = await fs.readFile((await download.path())!, "utf8");
  expect(csv.split("\n")[0]).toBe("Date,Type,Loan ID,Amount (Rp),Principal (Rp),Interest (Rp),Late fee (Rp),Service fee (Rp)");
  expect(csv).toContain(",investment,");
  expect(csv).toContain(",repayment,");

  await page.getByRole("link", { name: /^Statement [A-Z][a-z]+ \d{4}$/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Monthly statement [A-Z][a-z]+ \d{4}$/ })).toBeVisible();
  await expect(page.getByText("Outstanding at the end of the month")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  // Each investment row opens the lender's loan page.
  await page.goto("/lender/portfolio?status=active");
  await page.getByRole("link", { name: /^Open loan / }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "My investment" })).toBeVisible();
});
