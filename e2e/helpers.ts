import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "lumbung-demo-2026";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.lumbung.test`;
}

/** Signs in and waits until the portal has moved on from the sign-in page (unless a failure is expected). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { expectFailure = false } = {}) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!expectFailure) await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The account button in the top bar (the user's name); its menu holds security, language and sign-out. */
export function accountButton(page: Page) {
  return page.getByRole("button", { name: /^(Account menu|Menu akun)\b/ });
}

/** Opens the account menu (on a phone and on a desktop alike) unless it is open already. */
export async function openAccountMenu(page: Page) {
  const button = accountButton(page);
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  return page.getByRole("group", { name: /^(Account menu|Menu akun)$/ });
}

export async function signOut(page: Page) {
  const menu = await openAccountMenu(page);
  await menu.getByRole("button", { name: /^(Sign out|Keluar)$/ }).click();
  await expect(page).toHaveURL(/\/$/);
}

/**
 * Switches the language with the select in the account menu (signed in) or in the public header
 * (signed out), then waits for the page to read it.
 */
export async function setLanguage(page: Page, locale: "en" | "id") {
  const signedIn = (await accountButton(page).count()) > 0;
  const scope = signedIn ? await openAccountMenu(page) : page;
  const select = scope.getByLabel(/^(Language|Bahasa)$/);
  await select.selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(select).toHaveValue(locale);
}

/**
 * Runs axe-core on the page as it is and fails (softly, so one run lists every page's problems) on any
 * serious or critical violation, naming the rule, its help text and the first few elements.
 */
export async function expectNoSeriousA11yViolations(page: Page, label = new URL(page.url()).pathname) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`).join(" | ")}`);
  expect.soft(serious, `accessibility of ${label}`).toEqual([]);
}
