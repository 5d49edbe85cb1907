import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations } from "./helpers";

/**
 * Every page of the portal, visited as the person who would see it, each scanned with axe-core
 * (shared by a11y.spec.ts at desktop width and a11y-mobile.spec.ts at 375 px). Detail pages are reached
 * through the first matching link on their list page, so the seeded data decides which one.
 */

async function scan(page: Page, path: string) {
  const res = await page.goto(path);
  expect.soft(res?.status() ?? 0, `status of ${path}`).toBeLessThan(500);
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await expectNoSeriousA11yViolations(page, path);
}

/** The first link on the page whose path matches. */
async function firstHref(page: Page, pattern: RegExp): Promise<string | null> {
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

async function scanFirst(page: Page, from: string, pattern: RegExp) {
  if (new URL(page.url()).pathname + new URL(page.url()).search !== from) await page.goto(from);
  const href = await firstHref(page, pattern);
  expect.soft(href, `a link matching ${pattern} on ${from}`).not.toBeNull();
  if (href) await scan(page, href);
  return href;
}

async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function scanPublicPages(page: Page) {
  await page.context().clearCookies();
  for (const path of ["/", "/sign-in", "/sign-up", "/sign-up/lender", "/sign-up/borrower", "/no-such-page"]) await scan(page, path);
}

export async function scanLenderPages(page: Page) {
  await signInAs(page, "lender@lumbung.test");
  for (const path of ["/lender", "/lender/marketplace", "/lender/cart", "/lender/portfolio", "/lender/gold", "/lender/wallet", "/lender/auto-purchase", "/lender/auto-purchase/new", "/lender/notifications", "/lender/kyc", "/lender/risk", "/lender/security"]) {
    await scan(page, path);
  }
  await scanFirst(page, "/lender/marketplace", /^\/lender\/marketplace\/[^/?]+$/);
  await scanFirst(page, "/lender/portfolio", /^\/lender\/portfolio\/(?!statements)[^/?]+$/);
  await scanFirst(page, "/lender/portfolio", /^\/lender\/portfolio\/statements\/[^/?]+$/);
  const strategy = await scanFirst(page, "/lender/auto-purchase", /^\/lender\/auto-purchase\/(?!new)[^/?]+$/);
  if (strategy) await scan(page, `${strategy}/edit`);
  // A top-up's page and the sandbox gateway's payment page.
  await page.goto("/lender/wallet");
  await page.getByLabel("Bank").first().selectOption("BCA");
  await page.getByLabel(/Amount \(Rp\)/).first().fill("1000000");
  await page.getByRole("button", { name: "Create payment" }).click();
  await page.waitForURL(/\/lender\/wallet\/topups\//);
  await scan(page, new URL(page.url()).pathname);
  const sandbox = await firstHref(page, /\/sandbox\/pay\//);
  expect.soft(sandbox, "the sandbox payment link").not.toBeNull();
  if (sandbox) await scan(page, sandbox);
}

export async function scanBorrowerPages(page: Page) {
  await signInAs(page, "borrower@lumbung.test");
  for (const path of ["/borrower", "/borrower/apply", "/borrower/loans", "/borrower/wallet", "/borrower/notifications", "/borrower/security"]) await scan(page, path);
  await scanFirst(page, "/borrower/loans", /^\/borrower\/loans\/[^/?]+$/);
  await scanFirst(page, "/borrower/loans", /^\/borrower\/applications\/[^/?]+$/);
}

export async function scanAdminPages(page: Page) {
  await signInAs(page, "admin@lumbung.test");
  for (const path of [
    "/admin", "/admin/users", "/admin/kyc", "/admin/loans", "/admin/products", "/admin/withdrawals", "/admin/gold", "/admin/jobs",
    "/admin/ledger", "/admin/notifications", "/admin/time-machine", "/admin/audit", "/admin/security", "/two-factor", "/admin/engagement/events", "/admin/engagement/segments", "/admin/engagement/segments/new",
  ]) {
    await scan(page, path);
  }
  await scanFirst(page, "/admin/users", /^\/admin\/users\/[^/?]+$/);
  await scanFirst(page, "/admin/kyc", /^\/admin\/kyc\/[^/?]+$/);
  await scanFirst(page, "/admin/loans", /^\/admin\/applications\/[^/?]+$/);
  await scanFirst(page, "/admin/loans?status=approved", /^\/admin\/applications\/[^/?]+$/);
  await scanFirst(page, new URL(page.url()).pathname, /^\/admin\/loans\/[^/?]+$/);
}

/** Dewi: a lender whose identity check waits for review (the unverified lender's screens). */
export async function scanUnverifiedLenderPages(page: Page) {
  await signInAs(page, "dewi@lumbung.test");
  for (const path of ["/lender", "/lender/kyc", "/lender/marketplace", "/lender/wallet"]) await scan(page, path);
}
