import { expect, test } from "@playwright/test";
import { accountButton, openAccountMenu, signIn, signOut } from "./helpers";

// Issue 13, the shell on a desktop (1280 px): a compact header with the account menu and the area's
// top navigation; no tab bar. Plus the web app manifest and icons.

test("the desktop keeps a top navigation with the current page marked, and the account menu works by keyboard", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  const nav = page.getByRole("navigation", { name: "Lender navigation" });
  await expect(nav.getByRole("link")).toHaveText(["Dashboard", "Wallet", "Marketplace", "Portfolio", "Gold", "Auto-purchase", /^Cart \(\d+\)$/, "Verify identity"]);
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("button", { name: "More" })).toHaveCount(0);
  // The header (brand, bell, account, navigation) stays compact.
  expect((await page.getByRole("banner").boundingBox())!.height).toBeLessThanOrEqual(120);

  await nav.getByRole("link", { name: "Portfolio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Portfolio" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", "page");

  const button = accountButton(page);
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByRole("group", { name: "Account menu" });
  await page.keyboard.press("Tab");
  await expect(menu.getByRole("link", { name: "Security" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  // A click outside closes it too.
  await openAccountMenu(page);
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toBeHidden();

  await (await openAccountMenu(page)).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await expect(menu).toBeHidden();
  await signOut(page);
});

test("the web app manifest and icons are served, linked from every page and allowed by the CSP", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ short_name: "Lumbung", start_url: "/", display: "standalone", theme_color: "#065f46" });
  expect(manifest.name).toMatch(/^Lumbung/);
  const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const src of [...icons.map((i) => i.src), "/favicon.ico", "/apple-touch-icon.png", "/icon.svg"]) {
    const res = await request.get(src);
    expect(res.status(), src).toBe(200);
    expect(res.headers()["content-type"], src).toMatch(/^image\//);
  }
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#065f46");
  // The browser fetches the manifest and the favicon itself under the page's CSP.
  const favicon = await page.evaluate(async () => (await fetch("/favicon.ico")).status);
  expect(favicon).toBe(200);
  await page.waitForTimeout(300);
  expect(violations).toEqual([]);
});
