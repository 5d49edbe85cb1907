import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin approves a withdrawal and finds the decision in the audit log, also on a phone", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  // The seeded demo lender's Rp500.000 withdrawal waits in the queue.
  await page.goto("/admin/withdrawals");
  await page.getByRole("button", { name: /Approve withdrawal of Rp\s?500,000 for Sari Lestari/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Withdrawal approved and paid out.")).toBeVisible();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const newest = page.getByTestId("audit-entry").first();
  await expect(newest.getByText("Withdrawal approved and paid out")).toBeVisible();
  await expect(newest.getByText("Admin Lumbung (admin@lumbung.test)")).toBeVisible();
  await newest.getByText("Details").click();
  await expect(newest.getByText(/Rp\s?500,000/)).toBeVisible();
  await expect(newest.getByText("requested → paid")).toBeVisible();
  // The seed's KYC approvals by the demo admin are there too.
  await page.goto("/admin/audit?action=kyc.step_approved");
  await expect(page.getByTestId("audit-entry").first().getByText("KYC step approved")).toBeVisible();
  await expect(page.getByTestId("audit-entry").first().getByText(/User: /)).toBeVisible();

  // Filters: a labelled form; an action with no entries shows the empty state.
  await page.getByLabel("Action").selectOption({ label: "Loan written off" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=loan\.written_off/);
  await expect(page.getByText("No admin decisions match these filters.")).toBeVisible();
  await page.getByLabel("Action").selectOption({ label: "Withdrawal approved and paid out" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("audit-entry")).toHaveCount(1);
  // A date range that ends before it starts is a field error, not a crash.
  await page.goto("/admin/audit?from=2026-02-02&to=2026-02-01");
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();

  // 375 px: entries stack and nothing scrolls sideways.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
