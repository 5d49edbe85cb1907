import { expect, test, type Page } from "@playwright/test";
import { expectNoSideScroll, expectStackedCards, expectWithinWidth } from "./cards-layout";
import { signIn } from "./helpers";

// At 375 px wide tables become stacked cards (components/ui/data-table.tsx): nothing cut off, no sideways scroll.

async function addFirstLoanToCart(page: Page) {
  await page.goto("/lender/marketplace");
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const loan = hrefs.find((h) => /^\/lender\/marketplace\/[^/?]+$/.test(h));
  expect(loan, "a loan on the marketplace").toBeTruthy();
  await page.goto(loan!);
  await page.getByLabel(/^Cart amount for/).fill("200000");
  await page.getByRole("button", { name: /^Add .* to cart$/ }).click();
  await expect(page.getByText("Added to your cart.").first()).toBeVisible();
}

test("cart, portfolio investments and wallet history are stacked cards on a 375 px phone", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");

  await addFirstLoanToCart(page);
  await page.goto("/lender/cart");
  const cart = page.getByTestId("cart-items");
  await expectStackedCards(page, cart);
  // The amount field keeps its own visible label and the row's buttons fit the card.
  await expect(page.getByLabel(/^Amount for/).first()).toBeVisible();
  await expectWithinWidth(page, cart.getByRole("button", { name: /^Remove/ }).first());
  await expectNoSideScroll(page, "the cart");

  await page.goto("/lender/portfolio");
  const investments = page.getByRole("table", { name: "Investments" });
  expect(await investments.getByRole("row").count(), "table semantics stay on a phone").toBeGreaterThan(1);
  await expectStackedCards(page, page.getByTestId("portfolio-investments"));
  await expectWithinWidth(page, investments.getByRole("link", { name: /^Open loan/ }).first());
  await expectNoSideScroll(page, "the portfolio");

  await page.goto("/lender/wallet");
  await expectStackedCards(page, page.getByTestId("wallet-history"));
  await expect(page.getByTestId("wallet-history").getByTestId("data-label").first()).toHaveText("Date");
  await expectNoSideScroll(page, "the wallet");
});

test("the admin's users list and queues fit a 375 px phone", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  await page.goto("/admin/users");
  await expectStackedCards(page, page.getByTestId("admin-users"));
  await expectNoSideScroll(page, "the users list");
  for (const path of ["/admin/kyc", "/admin/loans", "/admin/withdrawals", "/admin/jobs", "/admin/ledger", "/admin/audit", "/admin/gold"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSideScroll(page, path);
  }
});
