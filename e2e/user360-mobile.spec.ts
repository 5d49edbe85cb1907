import { expect, test } from "@playwright/test";
import { expectNoSideScroll, expectStackedCards } from "./cards-layout";
import { signIn } from "./helpers";

test("the user 360 fits a 375 px phone: properties in two columns, the timeline as stacked cards", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/users?q=lender%40lumbung.test");
  await page.getByRole("link", { name: "Profile of Sari Lestari" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Event timeline" })).toBeVisible();
  await expectStackedCards(page, page.getByTestId("user-events"));
  await expectNoSideScroll(page, "the user 360");
});
