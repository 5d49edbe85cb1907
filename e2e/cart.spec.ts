import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the demo lender filters the marketplace, opens a loan, adds two loans to the cart and checks out", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await page.goto("/lender/marketplace");

  // Filters live in the URL (a GET form in the filter sheet).
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  const sheet = page.getByRole("dialog", { name: "Filter and sort loans" });
  await sheet.getByLabel("Minimum rate (% a year)").fill("1");
  await sheet.getByLabel("Sort loans").selectOption("rate_desc");
  await sheet.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/minRate=1/);
  await expect(page).toHaveURL(/sort=rate_desc/);
  await expect(page.getByText(/loans? match/)).toBeVisible();
  await expect(page.getByRole("progressbar").first()).toBeVisible();

  // The first loan's detail page: schedule per Rp1.000.000, then add it to the cart.
  await page.getByRole("list", { name: "Loans open for funding" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "What you receive per Rp1.000.000" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Scorecard summary" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History on Lumbung" })).toBeVisible();
  await page.getByLabel(/^Cart amount for/).fill("200000");
  await page.getByRole("button", { name: /^Add .* to cart$/ }).click();
  await expect(page.getByText("Added to your cart.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart (1)" }).first()).toBeVisible();

  // A second loan from the filtered marketplace.
  await page.goBack();
  await expect(page).toHaveURL(/sort=rate_desc/);
  await page.getByLabel(/^Cart amount for/).nth(1).fill("300000");
  await page.getByRole("button", { name: /^Add .* to cart$/ }).nth(1).click();
  await expect(page.getByRole("link", { name: "Cart (2)" }).first()).toBeVisible();

  // Review, confirm, and see both succeed.
  await page.getByRole("link", { name: "Cart (2)" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Cart" })).toBeVisible();
  await expect(page.getByTestId("cart-total")).toHaveText(/500,000/);
  await expect(page.getByText("Cash after checkout")).toBeVisible();
  await page.getByRole("button", { name: "Check out" }).click();
  await page.getByRole("dialog", { name: "Confirm checkout" }).getByRole("button", { name: "Invest now" }).click();
  await expect(page.getByText("2 invested, 0 not invested")).toBeVisible();
  await expect(page.getByText("Your cart is empty. Pick loans on the marketplace.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart (0)" }).first()).toBeVisible();
});
