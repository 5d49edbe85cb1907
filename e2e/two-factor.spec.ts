import { expect, test, type Page } from "@playwright/test";
import { totp, TOTP_STEP_SECONDS } from "../lib/auth/totp";
import { DEMO_PASSWORD, signIn, signOut } from "./helpers";

/**
 * Issue 12 (auth slice): the admin's second factor in the browser — enrol at /two-factor, sign in
 * with the password and then the code, a wrong code refused, a recovery code accepted once; then
 * new recovery codes and (demo mode) turning it off from the security page, which also leaves the
 * seeded admin as the other specs expect it. Codes are computed here with the app's own RFC 6238
 * implementation from the setup key the page shows.
 */
const ADMIN = "admin@lumbung.test";

/** From the dashboard, whose only sign-out button is the shell's. */
async function signOutFromDashboard(page: Page) {
  await page.goto("/admin");
  await signOut(page);
}

async function passwordStep(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

test("an admin enrols TOTP, signs in with password then code; wrong codes refused, a recovery code works once", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto("/two-factor");
  await expect(page.getByRole("heading", { name: "Set up two-step sign-in", level: 1 })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from the app").fill(totp(secret, Date.now()));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const listed = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(listed).toHaveCount(10);
  const codes = (await listed.allInnerTexts()).map((c) => c.trim());
  await page.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.getByText("Two-step sign-in is on. Recovery codes left: 10.")).toBeVisible();
  await signOutFromDashboard(page);

  // Password, then a wrong code: refused, still on the code step.
  await passwordStep(page);
  const next = totp(secret, Date.now() + TOTP_STEP_SECONDS * 1000); // newer than the step used to enrol
  const wrong = ["000000", "111111"].find((c) => c !== next && c !== totp(secret, Date.now()))!;
  await codeStep(page, wrong);
  await expect(page.getByText("That code is not valid. Check the app and try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  // The right code signs in.
  await codeStep(page, next);
  await page.waitForURL(/\/admin/);
  await signOutFromDashboard(page);

  // A recovery code works once.
  await passwordStep(page);
  await codeStep(page, codes[0]!);
  await page.waitForURL(/\/admin/);
  await signOutFromDashboard(page);
  await passwordStep(page);
  await codeStep(page, codes[0]!);
  await expect(page.getByText("That code is not valid. Check the app and try again.")).toBeVisible();
  await codeStep(page, codes[1]!);
  await page.waitForURL(/\/admin/);

  // The security page: new recovery codes (password again) replace the old ones …
  await page.goto("/admin/security");
  await expect(page.getByText("Two-step sign-in is on. Recovery codes left: 8.")).toBeVisible();
  await page.getByLabel("Your password").first().fill("not-the-password");
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByText("The password is incorrect.")).toBeVisible();
  await page.getByLabel("Your password").first().fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  const fresh = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(fresh).toHaveCount(10);
  expect(await fresh.allInnerTexts()).not.toContain(codes[2]);

  // … and in demo mode two-step sign-in can be turned off again (the seeded admin is left as found).
  await page.getByLabel("Your password").last().fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(page.getByRole("link", { name: "Set up two-step sign-in" })).toBeVisible();
  await signOutFromDashboard(page);
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin/);
});

test("the password fields have a show-password toggle; the label still names only the input", async ({ page, context, baseURL }) => {
  await page.goto("/sign-in");
  const input = page.getByLabel("Password");
  await expect(input).toHaveCount(1);
  await expect(input).toHaveAttribute("type", "password");
  const toggle = page.getByRole("button", { name: "Show password" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await input.fill("rahasia-123");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(input).toHaveAttribute("type", "text");
  await expect(input).toHaveValue("rahasia-123");
  await toggle.click();
  await expect(input).toHaveAttribute("type", "password");

  await page.goto("/sign-up/lender");
  await expect(page.getByLabel("Password")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();

  await context.addCookies([{ name: "NEXT_LOCALE", value: "id", url: baseURL! }]);
  await page.goto("/sign-in");
  await expect(page.getByLabel("Kata sandi")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Tampilkan kata sandi" })).toHaveAttribute("aria-pressed", "false");
});
