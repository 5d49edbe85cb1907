import { expect, test } from "@playwright/test";

test("the landing page and sign-in work on a 375 px phone without horizontal scrolling", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill("lender@lumbung.test");
  await page.getByLabel("Password").fill("lumbung-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  const areaOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(areaOverflow).toBeLessThanOrEqual(0);
  await page.goto("/lender/wallet");
  await expect(page.getByRole("heading", { level: 1, name: "Wallet" })).toBeVisible();
  const walletOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(walletOverflow).toBeLessThanOrEqual(0);
  for (const path of ["/lender/marketplace", "/lender/cart", "/lender/portfolio"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
