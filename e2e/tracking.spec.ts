import { expect, test, type Page, type Request } from "@playwright/test";
import { expectNoSeriousA11yViolations, openAccountMenu, signIn } from "./helpers";

// Issue 14: the first-party tracker and its consent banner. Events are observed as the browser sends
// them (POST /api/track, by beacon or keepalive fetch), so the test needs no database access.

type WireEvent = { id: string; name: string; at: string; properties: Record<string, unknown> };

const isTrack = (r: Request) => r.method() === "POST" && new URL(r.url()).pathname === "/api/track";

/**
 * Every /api/track request the page makes, and the events in them. A beacon's body is not visible to
 * Playwright (the request is there, type "ping", without post data), so an init script copies what the
 * page hands to navigator.sendBeacon; a keepalive fetch's body is read from the request.
 */
async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __tracked: string[] };
    w.__tracked = [];
    const original = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      if (String(url).includes("/api/track") && data instanceof Blob) void data.text().then((t) => w.__tracked.push(t));
      return original(url, data);
    };
  });
  const requests: Request[] = [];
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (!isTrack(r)) return;
    requests.push(r);
    const body = r.postData();
    if (body) fetched.push(body);
  });
  const bodies = async () => [...(await page.evaluate(() => (window as unknown as { __tracked: string[] }).__tracked)), ...fetched];
  const events = async () => (await bodies()).flatMap((b) => (JSON.parse(b) as { events: WireEvent[] }).events);
  return { requests, bodies, events };
}

/** Clicks a banner button once the page is hydrated (a click before that does nothing). */
async function answer(page: Page, name: string) {
  const region = banner(page);
  await expect(async () => {
    await region.getByRole("button", { name }).click({ timeout: 2000 });
    await expect(region).toBeHidden({ timeout: 1000 });
  }).toPass();
}

const banner = (page: Page) => page.getByRole("region", { name: /^(Cookies and analytics|Cookie dan analitik)$/ });

async function consentCookie(page: Page) {
  return (await page.context().cookies()).find((c) => c.name === "lumbung_consent");
}

test("first visit: the banner asks; accepting sends the waiting page view and session, then clicks and navigations", async ({ page }) => {
  const tracked = await recordEvents(page);
  await page.goto("/");
  const region = banner(page);
  await expect(region).toBeVisible();
  await expect(region.getByRole("heading", { name: "Cookies and analytics" })).toBeVisible();
  // Nothing leaves the browser before an answer (the tracker flushes every 3 s).
  await page.waitForTimeout(3500);
  expect(tracked.requests).toHaveLength(0);

  const first = page.waitForResponse((r) => isTrack(r.request()));
  // By keyboard: the button has focus, Enter answers.
  await expect(async () => {
    await region.getByRole("button", { name: "Accept analytics" }).focus();
    await page.keyboard.press("Enter");
    await expect(region).toBeHidden({ timeout: 1000 });
  }).toPass();
  const response = await first;
  expect(response.status()).toBe(202);
  expect(await response.json()).toEqual({ accepted: 2, duplicates: 0 });
  await expect.poll(async () => (await tracked.events()).map((e) => e.name)).toEqual(["session_started", "page_viewed"]);
  const [session, view] = await tracked.events();
  expect(view!.properties).toMatchObject({ path: "/", title: expect.stringContaining("Lumbung") });
  expect(session!.properties).toMatchObject({ path: "/" });
  for (const e of [session!, view!]) {
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  }
  expect((await consentCookie(page))?.value).toBe("analytics");

  // A click on an opted-in element and the client-side navigation it makes, in the next batch.
  const next = page.waitForResponse((r) => isTrack(r.request()));
  await page.getByRole("link", { name: "Start investing" }).first().click();
  await expect(page).toHaveURL(/\/sign-up\/lender$/);
  expect((await next).status()).toBe(202);
  await expect.poll(async () => (await tracked.events()).map((e) => e.name)).toEqual(["session_started", "page_viewed", "element_clicked", "page_viewed"]);
  const events = await tracked.events();
  expect(events[2]!.properties).toEqual({ id: "landing_signup_lender", path: "/", text: "Start investing" });
  expect(events[3]!.properties).toMatchObject({ path: "/sign-up/lender", referrer: expect.stringMatching(/\/$/) });
  // The banner stays away after a reload, and the same session goes on (no second session_started).
  const third = page.waitForResponse((r) => isTrack(r.request()));
  await page.reload();
  await expect(banner(page)).toHaveCount(0);
  await third;
  await expect.poll(async () => (await tracked.events()).map((e) => e.name)).toEqual(["page_viewed"]);
});

test("declining sends nothing, on any page; Cookie settings in the footer changes the answer", async ({ page }) => {
  const tracked = await recordEvents(page);
  await page.goto("/");
  await answer(page, "Only necessary");
  expect((await consentCookie(page))?.value).toBe("necessary");
  await page.getByRole("link", { name: "Start investing" }).first().click();
  await expect(page).toHaveURL(/\/sign-up\/lender$/);
  await page.goto("/legal/privacy");
  await expect(banner(page)).toHaveCount(0);
  await page.waitForTimeout(3500);
  expect(tracked.requests).toHaveLength(0);
  expect(await page.evaluate(() => window.localStorage.getItem("lumbung_last_activity"))).toBeNull();

  // Reopen from the footer: focus moves to the banner's heading; the current choice is said.
  const settings = page.getByRole("button", { name: "Cookie settings" });
  await settings.click();
  await expect(banner(page)).toBeVisible();
  await expect(banner(page).getByRole("heading", { name: "Cookies and analytics" })).toBeFocused();
  await expect(banner(page)).toContainText("Your current choice: only necessary cookies.");
  await banner(page).getByRole("button", { name: "Accept analytics" }).click();
  await expect(banner(page)).toBeHidden();
  await expect(settings).toBeFocused();
  expect((await consentCookie(page))?.value).toBe("analytics");
  const next = page.waitForResponse((r) => isTrack(r.request()));
  await page.getByRole("navigation", { name: "Legal and contact" }).getByRole("link", { name: "Terms of use" }).click();
  expect((await next).status()).toBe(202);
  await expect.poll(async () => (await tracked.events()).map((e) => e.name)).toContain("page_viewed");
});

test("signed in, Cookie settings is in the account menu", async ({ page }) => {
  await page.goto("/");
  await answer(page, "Accept analytics");
  await signIn(page, "lender@lumbung.test");
  await (await openAccountMenu(page)).getByRole("button", { name: "Cookie settings" }).click();
  await expect(banner(page)).toBeVisible();
  await expect(banner(page).getByRole("heading", { name: "Cookies and analytics" })).toBeFocused();
  await answer(page, "Only necessary");
  expect((await consentCookie(page))?.value).toBe("necessary");
});

test.describe("on a 375 px phone, in Bahasa Indonesia", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("the banner fits, reads Indonesian, covers nothing and passes axe", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "id", url: baseURL! }]);
    await page.goto("/");
    const region = banner(page);
    await expect(region.getByRole("heading", { name: "Cookie dan analitik" })).toBeVisible();
    await expect(region.getByRole("button", { name: "Terima analitik" })).toBeVisible();
    await expect(region.getByRole("button", { name: "Hanya yang diperlukan" })).toBeVisible();
    const box = (await region.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // In the flow of the page, not over it: what is under its bottom edge is the page itself.
    const position = await region.evaluate((el) => getComputedStyle(el).position);
    expect(position).toBe("static");
    await expectNoSeriousA11yViolations(page, "landing with the consent banner");
    await answer(page, "Hanya yang diperlukan");
  });
});
