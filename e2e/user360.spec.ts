import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// The admin's user 360 (/admin/users/[id]/profile): reached from the users list, current on open.

test("an admin opens a demo lender's 360 from the users list: profile, traits, RFM, segments and a filterable timeline", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/users?q=lender%40lumbung.test");
  await page.getByRole("link", { name: "Profile of Sari Lestari" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sari Lestari: profile and activity" })).toBeVisible();
  for (const name of ["Properties", "Traits", "RFM", "Segments now", "Event timeline"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  // The demo lender invests, saves gold and has auto-purchase on: a scored lender with money traits.
  await expect(page.getByText(/^Investor\b/).first()).toBeVisible();
  await expect(page.getByText(/^R [1-5] · F [1-5] · M [1-5]$/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Daily scores" })).toBeVisible();
  const events = page.getByRole("table", { name: "Event timeline" });
  expect(await events.getByTestId("data-row").count()).toBe(20);
  await page.getByLabel("Event", { exact: true }).selectOption("gold_bought");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/name=gold_bought/);
  const rows = page.getByRole("table", { name: "Event timeline" }).getByTestId("data-row");
  await expect(rows.first()).toContainText("gold_bought");
  expect(await rows.count()).toBeGreaterThanOrEqual(4); // the seed's four buys (and any recurring buy since)
  await expect(rows.filter({ hasNotText: "gold_bought" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "user 360");

  // The seeded crowd spreads over the RFM segments: its first member is a champion.
  await page.goto("/admin/users?q=crowd01");
  await page.getByRole("link", { name: /^Profile of / }).click();
  await expect(page.getByText("Champions").first()).toBeVisible();
});

test("a lender cannot open the user 360", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  const res = await page.goto("/admin/users/00000000-0000-4000-8000-000000000000/profile");
  expect(res?.status()).toBe(403);
});
