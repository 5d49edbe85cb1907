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

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Sign out|Keluar/ }).click();
  await expect(page).toHaveURL(/\/$/);
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
