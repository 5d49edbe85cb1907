import { expect, test } from "@playwright/test";
import { openAccountMenu, signIn, signOut } from "./helpers";

// Issue 12, security item 4: signing out must end the session on the server, not only clear the
// cookie in this browser. The old cookie, replayed, may no longer read the wallet.
test("after sign-out the old session cookie is refused by the wallet API (401)", async ({ page, playwright, baseURL }) => {
  await signIn(page, "lender@lumbung.test");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes("authjs.session-token"));
  expect(session, "the session cookie").toBeDefined();
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader } });
  expect((await replay.get("/api/v1/wallet")).status()).toBe(200);
  expect(await (await replay.get("/api/auth/session")).json()).toMatchObject({ user: { email: "lender@lumbung.test" } });

  await signOut(page);

  const after = await replay.get("/api/v1/wallet");
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ code: "unauthenticated" });
  // Auth.js's session endpoint no longer echoes the name and email of the ended session (issue 12, auth slice).
  const echo = await replay.get("/api/auth/session");
  expect(echo.status()).toBe(200);
  expect(await echo.json()).toBeNull();
  // The private area sends the old cookie to sign-in as well.
  const pageAfter = await replay.get("/lender/wallet", { maxRedirects: 0 });
  expect([302, 303, 307, 200]).toContain(pageAfter.status());
  await replay.dispose();
});

test("the security page offers a password change and sign out everywhere, which ends this session", async ({ page }) => {
  await signIn(page, "borrower@lumbung.test");
  await (await openAccountMenu(page)).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  await page.getByLabel("Current password").fill("wrong-password-here");
  await page.getByLabel("New password", { exact: true }).fill("another-secret-42");
  await page.getByLabel("Repeat the new password").fill("another-secret-42");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The password is incorrect.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out on every device?" });
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto("/borrower");
  await expect(page).toHaveURL(/\/sign-in/);
});
