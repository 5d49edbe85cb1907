import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Numbers and dates read right in Bahasa Indonesia on a 375 px phone (issue 13): rupiah "Rp1.234.567"
 * (no space, dots), percentages with a comma ("13,50%"), dates with the month's Indonesian name
 * ("2 Desember 2026"), statements by month name ("Laporan Desember 2026"), and no ISO date anywhere.
 */
const MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember";
const RUPIAH_ID = /Rp\d{1,3}(?:\.\d{3})+/;
const PERCENT_ID = /\d+,\d{2}\s?%/;
const DATE_ID = new RegExp(`\\b\\d{1,2} (?:${MONTHS}) \\d{4}\\b`);

async function inIndonesian(page: Page) {
  const url = new URL(page.url());
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "id", domain: url.hostname, path: "/" }]);
}

async function mainText(page: Page): Promise<string> {
  return page.locator("main").innerText();
}

function expectNoOtherFormats(text: string) {
  expect(text, "a space after Rp").not.toMatch(/Rp[\s\u00a0\u202f]\d/);
  expect(text, "an English-grouped amount").not.toMatch(/Rp\d{1,3},\d{3}/);
  expect(text, "an ISO date").not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text, "an ISO month").not.toMatch(/Laporan \d{4}-\d{2}/);
  expect(text, "a percentage with a point").not.toMatch(/\d+\.\d{1,2}\s?%/);
}

test("the lender's portfolio and a loan page read as Indonesian figures", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await inIndonesian(page);

  await page.goto("/lender/portfolio");
  const portfolio = await mainText(page);
  expect(portfolio).toMatch(RUPIAH_ID);
  expect(portfolio).toMatch(PERCENT_ID); // TKB90 and the net return
  expect(portfolio).toMatch(DATE_ID); // upcoming installments
  expect(portfolio).toMatch(new RegExp(`Laporan (?:${MONTHS}) \\d{4}`));
  expectNoOtherFormats(portfolio);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // A monthly statement is titled by its month's name.
  await page.getByRole("link", { name: new RegExp(`^Laporan (?:${MONTHS}) \\d{4}$`) }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Laporan bulanan (?:${MONTHS}) \\d{4}$`) })).toBeVisible();
  expectNoOtherFormats(await mainText(page));

  // A loan the lender invested in: the rate with a comma, the schedule's dates with month names.
  await page.goto("/lender/portfolio?status=active");
  await page.getByRole("link", { name: /^Buka pinjaman / }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Investasi saya" })).toBeVisible();
  const loan = await mainText(page);
  expect(loan).toMatch(/\d+,\d{2}% per tahun/);
  expect(loan).toMatch(RUPIAH_ID);
  expect(loan).toMatch(DATE_ID);
  expectNoOtherFormats(loan);
});

test("an admin types a rate band as a percentage with a comma; more than 2 decimals is a field error", async ({ page }) => {
  await signIn(page, "admin@lumbung.test");
  await inIndonesian(page);
  await page.goto("/admin/products");
  const paylater = page.getByRole("region", { name: /Paylater Bisnis/ });
  const bandMax = paylater.getByLabel("A maksimum");
  await expect(bandMax).not.toHaveValue(""); // react-hook-form fills the stored values once hydrated
  const stored = await bandMax.inputValue();
  expect(stored).toMatch(/^\d+(?:\.\d{1,2})?$/); // shown as a percentage, not basis points
  expect(Number(stored)).toBeLessThan(100);

  await bandMax.fill("13,555");
  await paylater.getByRole("button", { name: "Simpan produk" }).click();
  await expect(paylater.getByText("Gunakan paling banyak 2 angka desimal, mis. 13,55 (denda boleh sampai 4, mis. 0,067).")).toBeVisible();

  // The same rate typed the Indonesian way saves unchanged.
  await bandMax.fill(stored.replace(".", ","));
  await paylater.getByRole("button", { name: "Simpan produk" }).click();
  await expect(page.getByText("Produk disimpan. Pinjaman yang sudah terbit tetap dengan syaratnya.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: /Paylater Bisnis/ }).getByLabel("A maksimum")).toHaveValue(stored);
});
