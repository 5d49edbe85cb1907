import { expect, test, type Locator, type Page } from "@playwright/test";
import { accountButton, openAccountMenu, setLanguage, signIn, signOut, uniqueEmail } from "./helpers";

// Issue 13, "The shell on a phone" (375 px, the `phone` project): a compact top bar, a bottom tab bar
// with "More" for the rest, the account menu, and toasts that never sit on a primary action.

const noHorizontalScroll = async (page: Page, what: string) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), what).toBeLessThanOrEqual(0);

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, "a bounding box").not.toBeNull();
  return b!;
}

test("the lender's tab bar: four destinations and More, fixed at the bottom, the current page marked, content never under it", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Lender navigation" });
  await expect(tabs.getByRole("link")).toHaveText(["Home", "Marketplace", "Portfolio", "Wallet"]);
  await expect(tabs.getByRole("button", { name: "More" })).toHaveAttribute("aria-expanded", "false");
  await expect(tabs.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");

  // The top bar is compact (it took ~260 px before any content) and the tab bar sits on the bottom edge.
  const header = await box(page.getByRole("banner"));
  expect(header.height).toBeLessThanOrEqual(64);
  const viewport = page.viewportSize()!;
  const bar = await box(tabs.getByRole("list").first());
  expect(Math.round(bar.y + bar.height)).toBe(viewport.height);
  expect(bar.height).toBeLessThanOrEqual(72);
  await noHorizontalScroll(page, "/lender");

  for (const [name, path, heading] of [
    ["Marketplace", "/lender/marketplace", "Marketplace"],
    ["Portfolio", "/lender/portfolio", "Portfolio"],
    ["Wallet", "/lender/wallet", "Wallet"],
  ] as const) {
    await tabs.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(tabs.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Home" })).not.toHaveAttribute("aria-current", "page");
    // Scrolled to the end, the page's last content ends above the tab bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastBottom = await page.evaluate(() => {
      const main = document.querySelector("main")!;
      const last = main.lastElementChild ?? main;
      return last.getBoundingClientRect().bottom;
    });
    const barTop = (await box(tabs.getByRole("list").first())).y;
    expect(lastBottom, `${path}: content ends above the tab bar`).toBeLessThanOrEqual(barTop + 1);
    await noHorizontalScroll(page, path);
  }
});

test("More opens a sheet with every other destination; Escape closes it and gives focus back; it works by keyboard", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  const tabs = page.getByRole("navigation", { name: "Lender navigation" });
  const more = tabs.getByRole("button", { name: "More" });
  const sheet = page.getByRole("group", { name: "More in Lender" });
  await expect(sheet).toBeHidden();

  await more.click();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  await expect(sheet).toBeVisible();
  for (const name of ["Gold", "Auto-purchase", /^Cart \(\d+\)$/, "Verify identity", "Notifications", "Security"]) {
    await expect(sheet.getByRole("link", { name })).toBeVisible();
  }
  // Nothing is cut off: the sheet fits the screen's width.
  const sheetBox = await box(sheet);
  expect(sheetBox.x).toBeGreaterThanOrEqual(0);
  expect(sheetBox.x + sheetBox.width).toBeLessThanOrEqual(375);

  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(more).toBeFocused();

  // Keyboard: Enter opens, Tab walks into the sheet, Enter follows a link.
  await page.keyboard.press("Enter");
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(sheet.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(sheet.getByRole("link", { name: "Gold" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lender\/gold$/);
  await expect(sheet).toBeHidden();

  // The page under More is marked in the sheet; a tap on the backdrop closes it without following anything.
  await more.click();
  await expect(sheet.getByRole("link", { name: "Gold" })).toHaveAttribute("aria-current", "page");
  await page.mouse.click(187, 200);
  await expect(sheet).toBeHidden();
  await expect(page).toHaveURL(/\/lender\/gold$/);
});

test("the account menu holds security, the language and sign-out; it switches to Bahasa Indonesia and back", async ({ page }) => {
  await signIn(page, "lender@lumbung.test");
  const button = accountButton(page);
  await expect(button).toHaveAccessibleName(/^Account menu: .+/);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  const menu = await openAccountMenu(page);
  await expect(menu.getByRole("link", { name: "Security" })).toBeVisible();
  await expect(menu.getByLabel("Language")).toBeVisible();
  await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
  const menuBox = await box(menu);
  expect(menuBox.x).toBeGreaterThanOrEqual(0);
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(375);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await setLanguage(page, "id");
  await expect(page.getByRole("heading", { level: 1, name: "Dasbor Pendana" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Navigasi Pendana" });
  await expect(tabs.getByRole("link")).toHaveText(["Beranda", "Marketplace", "Portofolio", "Dompet"]);
  await expect(tabs.getByRole("button", { name: "Lainnya" })).toBeVisible();
  await expect(accountButton(page)).toHaveAccessibleName(/^Menu akun: .+/);
  await tabs.getByRole("button", { name: "Lainnya" }).click();
  await expect(page.getByRole("group", { name: "Lainnya di Pendana" }).getByRole("link", { name: "Emas" })).toBeVisible();
  await page.keyboard.press("Escape");
  await noHorizontalScroll(page, "/lender in Indonesian");

  // Back to English (the choice is kept on the seeded lender's profile), then sign out from the menu.
  await setLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  await signOut(page);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("the borrower's and the admin's tab bars", async ({ page }) => {
  await signIn(page, "borrower@lumbung.test");
  const borrower = page.getByRole("navigation", { name: "Borrower navigation" });
  await expect(borrower.getByRole("link")).toHaveText(["Home", "Apply", "Loans", "Wallet"]);
  await borrower.getByRole("button", { name: "More" }).click();
  const sheet = page.getByRole("group", { name: "More in Borrower" });
  await expect(sheet.getByRole("link", { name: "Notifications" })).toBeVisible();
  await expect(sheet.getByRole("link", { name: "Security" })).toBeVisible();
  await page.keyboard.press("Escape");
  await borrower.getByRole("link", { name: "Loans" }).click();
  await expect(page).toHaveURL(/\/borrower\/loans$/);
  await expect(borrower.getByRole("link", { name: "Loans" })).toHaveAttribute("aria-current", "page");
  await noHorizontalScroll(page, "/borrower/loans");
  await signOut(page);

  await signIn(page, "admin@lumbung.test");
  const admin = page.getByRole("navigation", { name: "Admin navigation" });
  await expect(admin.getByRole("link")).toHaveText(["Home", "Reviews", "KYC", "Withdrawals"]);
  await admin.getByRole("button", { name: "More" }).click();
  const adminSheet = page.getByRole("group", { name: "More in Admin" });
  for (const name of ["Users", "Products", "Gold", "Ledger health", "Jobs", "Audit log"]) await expect(adminSheet.getByRole("link", { name })).toBeVisible();
  await adminSheet.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  await noHorizontalScroll(page, "/admin/audit");
});

test("a toast never covers the next step's button and catches no tap outside itself", async ({ page }) => {
  await page.goto("/sign-up/lender");
  await page.getByLabel("Full name").fill("Sari Kusuma");
  await page.getByLabel("Email").fill(uniqueEmail("toast-phone"));
  await page.getByLabel("Mobile phone").fill("081211114444");
  await page.getByLabel("Password").fill("kata-sandi-rahasia");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lender dashboard" })).toBeVisible();
  await page.goto("/lender/kyc");
  await page.getByLabel("Full name (as on KTP)").fill("Sari Kusuma");
  await page.getByLabel("NIK", { exact: true }).fill("3175 0157 0590 0002");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Date of birth").fill("1990-05-17");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Step 2 of 7: Selfie")).toBeVisible();

  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Step saved." });
  await expect(toast).toBeVisible();
  const next = page.getByRole("button", { name: "Save and continue" });
  await next.scrollIntoViewIfNeeded();
  const header = await box(page.getByRole("banner"));
  // Once it has slid in (sonner animates it down from the top edge).
  await expect.poll(async () => (await toast.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual(header.y + header.height - 1);
  const toastBox = await box(toast);
  const buttonBox = await box(next);
  const tabBar = await box(page.getByRole("navigation", { name: "Lender navigation" }).getByRole("list").first());

  // The toast sits under the top bar and above the tab bar, and not on the button.
  expect(toastBox.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(tabBar.y);
  const overlaps = !(toastBox.y + toastBox.height <= buttonBox.y || buttonBox.y + buttonBox.height <= toastBox.y);
  expect(overlaps, "the toast overlaps the next step's button").toBe(false);

  // What a tap at the button's centre (and just below the toast) would hit, while the toast shows.
  const hits = await page.evaluate(
    ({ bx, by, tx, ty }) => {
      const at = (x: number, y: number) => document.elementFromPoint(x, y);
      const button = at(bx, by);
      const belowToast = at(tx, ty);
      return {
        button: button?.closest("button")?.textContent ?? null,
        belowToastInToaster: !!belowToast?.closest("[data-sonner-toaster]"),
      };
    },
    { bx: buttonBox.x + buttonBox.width / 2, by: buttonBox.y + buttonBox.height / 2, tx: toastBox.x + toastBox.width / 2, ty: toastBox.y + toastBox.height + 6 },
  );
  expect(hits.button).toBe("Save and continue");
  expect(hits.belowToastInToaster).toBe(false);
  await expect(toast).toBeVisible();

  // And the tap goes through at once, toast or not.
  await page.getByLabel("Selfie photo").setInputFiles({ name: "selfie.png", mimeType: "image/png", buffer: PNG });
  await next.click({ timeout: 2_000 });
  await expect(page.getByText("Step 3 of 7: KTP photo")).toBeVisible();
});
