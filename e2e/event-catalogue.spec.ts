import { expect, test } from "@playwright/test";
import { setLanguage, signIn } from "./helpers";

test("an admin reads the typed event catalogue with the last day's counts, in both languages and on a phone", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Open the event catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Event catalogue" })).toBeVisible();

  const server = page.getByTestId("server-events");
  const topUp = server.getByTestId("data-row").filter({ has: page.locator("code", { hasText: /^topup_paid$/ }) });
  await expect(topUp).toHaveCount(1);
  await expect(topUp.getByRole("listitem").filter({ hasText: "amount" })).toContainText("rupiah");
  await expect(topUp.getByRole("listitem").filter({ hasText: "method" })).toContainText("va | qris");
  await expect(topUp.getByRole("listitem").filter({ hasText: "bank" })).toContainText("optional");
  // The seed signs users up today: the counts come from the events table.
  const signUps = server.getByTestId("data-row").filter({ has: page.locator("code", { hasText: /^user_signed_up$/ }) });
  await expect(signUps.locator("td").last()).not.toHaveText("0");
  const client = page.getByTestId("client-events");
  await expect(client.locator("code", { hasText: /^page_viewed$/ })).toBeVisible();

  await setLanguage(page, "id");
  await expect(page.getByRole("heading", { level: 1, name: "Katalog event" })).toBeVisible();
  await expect(topUp.getByRole("listitem").filter({ hasText: "bank" })).toContainText("opsional");
  await setLanguage(page, "en");

  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expect(topUp).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the catalogue is for admins only", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  const res = await page.goto("/admin/engagement/events");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Event catalogue" })).toHaveCount(0);
});
