import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** The number in "31 loans match" / "31 pinjaman cocok". */
async function matching(page: Page): Promise<number> {
  const text = await page.getByText(/\d+ (loans? match|pinjaman cocok)/).textContent();
  return Number(/(\d+)/.exec(text ?? "")![1]);
}

async function noHorizontalScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

test("the marketplace: filters in a sheet, active filters as removable chips, server-side pages with shareable URLs", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await page.goto("/lender/marketplace");
  const loans = page.getByRole("list", { name: "Loans open for funding" });
  const chips = page.getByRole("list", { name: "Active filters" });
  const total = await matching(page);
  expect(total).toBeGreaterThan(10);
  // Ten cards a page, each with one action and named by business and product.
  await expect(loans.getByRole("listitem")).toHaveCount(10);
  await expect(loans.getByRole("button", { name: /^Add .* to cart$/ })).toHaveCount(10);
  await expect(loans.getByRole("button", { name: /^Invest in / })).toHaveCount(0);
  await expect(loans.getByLabel(/^Cart amount for .+ · .+ Rp/).first()).toBeVisible();
  await expect(loans.getByText(/\b\d+ months?\b/).first()).toBeVisible();
  await expect(loans).not.toContainText(/food_beverage|paylater-bisnis|modal-usaha/);
  await expect(chips).toHaveCount(0);
  await expect(page.getByText(`Page 1 of ${Math.ceil(total / 10)}`)).toBeVisible();

  // The sheet: a dialog behind "Filter".
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  const sheet = page.getByRole("dialog", { name: "Filter and sort loans" });
  await expect(sheet).toBeVisible();
  await sheet.getByLabel("Sector").selectOption({ label: "Trade" });
  await sheet.getByLabel("Minimum rate (% a year)").fill("1");
  await sheet.getByLabel("Sort loans").selectOption("rate_desc");
  await sheet.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/sector=trade/);
  await expect(page).toHaveURL(/minRate=1/);
  await expect(page.getByRole("button", { name: "Filter (2)" })).toBeVisible();
  await expect(chips.getByRole("link", { name: "Remove filter: Trade" })).toBeVisible();
  await expect(chips.getByRole("link", { name: "Remove filter: From 1% a year" })).toBeVisible();
  const trade = await matching(page);
  expect(trade).toBeLessThan(total);
  for (const card of await loans.getByRole("listitem").all()) await expect(card).toContainText("Trade");

  // The URL is the view: opened afresh it shows the same filters and chips.
  const shared = page.url();
  await page.goto(shared);
  await expect(chips.getByRole("link", { name: "Remove filter: Trade" })).toBeVisible();
  expect(await matching(page)).toBe(trade);

  // Removing one chip keeps the other filter and the sort.
  await chips.getByRole("link", { name: "Remove filter: Trade" }).click();
  await expect(page).not.toHaveURL(/sector=/);
  await expect(page).toHaveURL(/minRate=1/);
  await expect(page).toHaveURL(/sort=rate_desc/);
  await expect(chips.getByRole("link")).toHaveCount(2); // the rate chip and "Clear all"
  await chips.getByRole("link", { name: "Clear all" }).click();
  await expect(chips).toHaveCount(0);
  await expect(page).toHaveURL(/sort=rate_desc/);

  // Pages are fetched by the server and keep the sort; the second page holds other loans.
  const firstPage = await loans.getByRole("heading").allTextContents();
  await page.getByRole("navigation", { name: "Marketplace" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/sort=rate_desc/);
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  const secondPage = await loans.getByRole("heading").allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((h) => firstPage.includes(h)).length).toBeLessThan(secondPage.length);

  // The card's title opens the loan.
  await loans.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "What you receive per Rp1.000.000" })).toBeVisible();
});

test.describe("on a 375 px phone, in Bahasa Indonesia", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("the loans come first, the sheet fits, chips and pages read Indonesian", async ({ page, context }) => {
    await signIn(page, "lender2@lumbung.test");
    await context.addCookies([{ name: "NEXT_LOCALE", value: "id", url: page.url() }]);
    await page.goto("/lender/marketplace");
    await expect(page.getByRole("heading", { level: 1, name: "Marketplace" })).toBeVisible();
    const loans = page.getByRole("list", { name: "Pinjaman yang sedang didanai" });
    // The first card starts on the first screen: no filter form in front of it.
    const box = await loans.getByRole("listitem").first().boundingBox();
    expect(box!.y).toBeLessThan(740);
    await expect(loans.getByText(/\b\d+ (bulan|hari)\b/).first()).toBeVisible();
    await expect(loans.getByRole("button", { name: /^Tambahkan .* ke keranjang$/ }).first()).toBeVisible();
    await noHorizontalScroll(page, "marketplace");

    await page.getByRole("button", { name: "Filter", exact: true }).click();
    const sheet = page.getByRole("dialog", { name: "Filter dan urutkan pinjaman" });
    await expect(sheet).toBeVisible();
    const sheetBox = await sheet.boundingBox();
    expect(sheetBox!.width).toBeLessThanOrEqual(375);
    await sheet.getByLabel("Sektor").selectOption({ label: "Makanan dan minuman" });
    await sheet.getByLabel("Tenor dari (bulan)").fill("3");
    await sheet.getByRole("button", { name: "Terapkan filter" }).click();
    const chips = page.getByRole("list", { name: "Filter aktif" });
    await expect(chips.getByRole("link", { name: "Hapus filter: Makanan dan minuman" })).toBeVisible();
    await expect(chips.getByRole("link", { name: "Hapus filter: Mulai 3 bulan" })).toBeVisible();
    await noHorizontalScroll(page, "marketplace with chips");
    await chips.getByRole("link", { name: "Hapus semua" }).click();
    await expect(chips).toHaveCount(0);
    await expect(page.getByText(/^Halaman 1 dari \d+$/)).toBeVisible();
  });
});
