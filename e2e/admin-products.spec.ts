import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin edits a loan product; a user reads their notifications", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/products");
  await expect(page.getByRole("heading", { level: 1, name: "Loan products" })).toBeVisible();
  const paylater = page.getByRole("region", { name: /Paylater Bisnis/ });
  await paylater.getByLabel("Funding window (days)").fill("0");
  await paylater.getByRole("button", { name: "Save product" }).click();
  await expect(paylater.getByRole("alert").first()).toBeVisible();
  await paylater.getByLabel("Funding window (days)").fill("10");
  await paylater.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByText("Product saved. Loans already issued keep their terms.")).toBeVisible();

  await page.getByRole("link", { name: /^Notifications/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByText("Welcome to Lumbung, Admin Lumbung!")).toBeVisible();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});
