import { expect, test, type Page } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";

const noHorizontalScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

test("KYC, the risk check and the admin review fit a 375 px phone", async ({ page }) => {
  await page.goto("/sign-up/lender");
  await page.getByLabel("Full name").fill("Ayu Lestari");
  await page.getByLabel("Email").fill(uniqueEmail("kyc-phone"));
  await page.getByLabel("Mobile phone").fill("081211113333");
  await page.getByLabel("Password").fill("kata-sandi-rahasia");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  await page.goto("/lender/kyc");
  await expect(page.getByText("Step 1 of 7: Identity")).toBeVisible();
  await noHorizontalScroll(page);
  await page.goto("/lender/risk");
  await expect(page.getByRole("button", { name: "Accept and continue" })).toBeVisible();
  await noHorizontalScroll(page);

  await page.context().clearCookies();
  await signIn(page, "admin@lumbung.test");
  await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();
  await page.goto("/admin/kyc");
  await page.getByRole("link", { name: "Review Dewi Anggraini" }).click();
  await expect(page.getByRole("img", { name: "Dewi Anggraini: Selfie photo" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve Identity for Dewi Anggraini" })).toBeVisible();
  // On a phone the selfie and the ID photo stack: the KTP photo is below the selfie.
  const selfieBox = await page.getByRole("img", { name: "Dewi Anggraini: Selfie photo" }).boundingBox();
  const ktpBox = await page.getByRole("img", { name: "Dewi Anggraini: Photo of your KTP" }).boundingBox();
  expect(selfieBox && ktpBox && ktpBox.y >= selfieBox.y + selfieBox.height).toBe(true);
  await noHorizontalScroll(page);
});
