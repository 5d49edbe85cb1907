import { expect, test } from "@playwright/test";
import { setLanguage, signIn, signOut, uniqueEmail } from "./helpers";

test.describe("foundation", () => {
  test("a lender signs up, signs out, signs in again and switches to Bahasa Indonesia", async ({ page }) => {
    const email = uniqueEmail("lender");
    const password = "kata-sandi-rahasia";
    await page.goto("/?utm_source=e2e&utm_medium=test&utm_campaign=foundation");
    await page.getByRole("link", { name: "Start investing" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign up as a lender" })).toBeVisible();

    // Bad input first: field errors, nothing lost.
    await page.getByLabel("Full name").fill("Rina Wijaya");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mobile phone").fill("0812-1111-2222");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("The password must have at least 10 characters.")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Rina Wijaya");

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
    await expect(page.getByText("Welcome, Rina Wijaya.")).toBeVisible();

    await signOut(page);
    await signIn(page, email, password);
    await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();

    await setLanguage(page, "id");
    await expect(page.getByRole("heading", { level: 1, name: "Dasbor Pendana" })).toBeVisible();

    // The language is kept on the profile: a fresh browser session signs in and sees Indonesian.
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dasbor Pendana" })).toBeVisible();
  });

  test("a duplicate email gets a field error", async ({ page }) => {
    await page.goto("/sign-up/borrower");
    await page.getByLabel("Full name").fill("Budi Lagi");
    await page.getByLabel("Company name").fill("CV Lagi");
    await page.getByLabel("Business sector").selectOption("retail");
    await page.getByLabel("Email").fill("borrower@lumbung.test");
    await page.getByLabel("Mobile phone").fill("081299998888");
    await page.getByLabel("Password").fill("another-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists. Sign in instead?")).toBeVisible();
  });

  test("a wrong password shows an error", async ({ page }) => {
    await signIn(page, "lender@lumbung.test", "definitely-wrong", { expectFailure: true });
    await expect(page.getByRole("alert").filter({ hasText: "The email or password is incorrect." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a borrower opening /admin is refused", async ({ page }) => {
    await signIn(page, "borrower@lumbung.test");
    await expect(page.getByRole("heading", { level: 1, name: "Borrower dashboard" })).toBeVisible();
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You don't have access to this page" })).toBeVisible();
  });

  test("a signed-out visitor to /lender is sent to sign-in and returns after", async ({ page }) => {
    await page.goto("/lender");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flender/);
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
    await page.getByLabel("Email").fill("lender@lumbung.test");
    await page.getByLabel("Password").fill("lumbung-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/lender$/);
  });

  test("an admin moves the clock forward with the time machine", async ({ page }) => {
    await signIn(page, "admin@lumbung.test");
    await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();
    await page.getByRole("link", { name: "Time machine" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Time machine" })).toBeVisible();
    await page.getByLabel("How much").fill("2");
    await page.getByLabel("Unit").selectOption("days");
    await page.getByRole("button", { name: "Move forward" }).click();
    await expect(page.getByText("48 hours ahead of real time.")).toBeVisible();
  });

  test("health answers ok with the embedded database and the job runner", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "pglite", jobs: "running" });
  });
});
