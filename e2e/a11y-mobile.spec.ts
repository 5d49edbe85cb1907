import { test } from "@playwright/test";
import { scanAdminPages, scanBorrowerPages, scanLenderPages, scanPublicPages, scanUnverifiedLenderPages } from "./a11y-pages";

// axe-core on every page at a 375 px phone: no serious or critical violation (a11y.spec.ts: desktop).
test.describe("accessibility (axe-core), 375 px phone", () => {
  test.describe.configure({ timeout: 300_000 });
  test("public pages", async ({ page }) => scanPublicPages(page));
  test("every lender page", async ({ page }) => scanLenderPages(page));
  test("every page of an unverified lender", async ({ page }) => scanUnverifiedLenderPages(page));
  test("every borrower page", async ({ page }) => scanBorrowerPages(page));
  test("every admin page", async ({ page }) => scanAdminPages(page));
});
