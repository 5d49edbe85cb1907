import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The README's screenshots (docs/screenshots/*.png): a 375 px phone, in English and Bahasa Indonesia,
// taken from the e2e run's seeded data. The language is set with the locale cookie only, so the
// seeded users' saved language (which other specs read) stays as it is.

const LOCALES = ["en", "id"] as const;
type Locale = (typeof LOCALES)[number];

async function useLocale(page: Page, locale: Locale, baseURL: string) {
  // The consent banner answered (e2e/tracking.spec.ts shows it): the README shows the screens themselves.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }, { name: "lumbung_consent", value: "necessary", url: baseURL }]);
}

async function shoot(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const dir = path.resolve(test.info().project.testDir, "../docs/screenshots");
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: "disabled", caret: "hide" });
}

for (const locale of LOCALES) {
  test(`screenshots of the landing page, the lender's and the borrower's screens (${locale})`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await useLocale(page, locale, baseURL!);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await shoot(page, `landing-${locale}`);

    // signIn reads the English form; the locale cookie comes back after it.
    await page.context().clearCookies();
    await signIn(page, "lender@lumbung.test");
    await useLocale(page, locale, baseURL!);
    for (const [name, url] of [
      ["lender-home", "/lender"],
      ["marketplace", "/lender/marketplace"],
      ["portfolio", "/lender/portfolio"],
    ] as const) {
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await shoot(page, `${name}-${locale}`);
    }
    await page.getByRole("navigation").getByRole("button", { name: /^(More|Lainnya)$/ }).click();
    await shoot(page, `lender-more-${locale}`);

    await page.context().clearCookies();
    await signIn(page, "borrower@lumbung.test");
    await useLocale(page, locale, baseURL!);
    await page.goto("/borrower");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await shoot(page, `borrower-home-${locale}`);
  });
}
