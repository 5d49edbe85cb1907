import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/lib/testing/db";

// The browser tracker (components/tracking/tracker.ts) in Node, with just enough of a browser faked:
// localStorage, sendBeacon, fetch, the page's listeners. Each test loads a fresh copy of the module
// (its queue is module state). It lives here, not beside the component, because it must wait for the
// file's PGlite to start before faking `window` (PGlite would take itself for a browser).
beforeAll(async () => {
  await testDatabase().pglite?.waitReady;
});

type Sent = { via: "beacon" | "fetch"; body: Promise<string> };
type Wire = { sentAt: string; events: { id: string; name: string; at: string; properties: Record<string, unknown> }[] };

function fakeBrowser({ beacon = true, fetchFails = false }: { beacon?: boolean; fetchFails?: boolean } = {}) {
  const storage = new Map<string, string>();
  const sent: Sent[] = [];
  const listeners = new Map<string, ((e: unknown) => void)[]>();
  const on = (scope: string) => (type: string, fn: (e: unknown) => void) => listeners.set(`${scope}:${type}`, [...(listeners.get(`${scope}:${type}`) ?? []), fn]);
  const control = { fetchFails, beacon };
  vi.stubGlobal("window", {
    location: { pathname: "/lender", origin: "http://localhost", protocol: "http:" },
    localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, String(v)), removeItem: (k: string) => void storage.delete(k) },
    addEventListener: on("window"),
  });
  vi.stubGlobal("document", { referrer: "https://www.google.com/", title: "Lumbung", visibilityState: "visible", addEventListener: on("document") });
  vi.stubGlobal("navigator", {
    sendBeacon: (_url: string, data: Blob) => {
      if (!control.beacon) return false;
      sent.push({ via: "beacon", body: data.text() });
      return true;
    },
  });
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    if (control.fetchFails) throw new TypeError("network down");
    sent.push({ via: "fetch", body: Promise.resolve(String(init.body)) });
    return new Response("{}", { status: 202 });
  });
  const batches = async () => Promise.all(sent.map(async (s) => ({ via: s.via, ...(JSON.parse(await s.body) as Wire) })));
  const fire = (key: string, event: unknown = {}) => (listeners.get(key) ?? []).forEach((fn) => fn(event));
  return { storage, sent, batches, control, fire };
}

async function loadTracker() {
  vi.resetModules();
  return import("@/components/tracking/tracker");
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-01T03:00:00Z"));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("consent", () => {
  it("holds events until the visitor answers; accepting sends them with the session that began", async () => {
    const browser = fakeBrowser();
    const t = await loadTracker();
    t.trackEvent("page_viewed", { path: "/", title: "Lumbung" });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(browser.sent).toHaveLength(0);
    expect(browser.storage.size).toBe(0);
    t.setTrackerConsent("analytics");
    const [batch] = await browser.batches();
    expect(batch!.via).toBe("beacon");
    expect(batch!.events.map((e) => e.name)).toEqual(["session_started", "page_viewed"]);
    expect(batch!.events[0]!.properties).toEqual({ path: "/lender", referrer: "https://www.google.com/" });
    expect(batch!.events[1]!.at).toBe("2026-03-01T03:00:00.000Z");
    expect(new Set(batch!.events.map((e) => e.id)).size).toBe(2);
  });

  it("declining drops what waited and sends nothing after, and stores nothing in localStorage", async () => {
    const browser = fakeBrowser();
    const t = await loadTracker();
    t.trackEvent("page_viewed", { path: "/" });
    t.setTrackerConsent("necessary");
    for (let i = 0; i < 30; i++) t.trackEvent("element_clicked", { id: "x", path: "/" });
    t.flush({ leaving: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(browser.sent).toHaveLength(0);
    expect(browser.storage.size).toBe(0);
  });
});

describe("batching", () => {
  it("sends at 20 events at once, the rest after 3 s, everything when the page is hidden", async () => {
    const browser = fakeBrowser();
    const t = await loadTracker();
    t.setTrackerConsent("analytics");
    for (let i = 0; i < 19; i++) t.trackEvent("page_viewed", { path: `/p${i}` }); // + session_started = 20
    expect((await browser.batches()).map((b) => b.events.length)).toEqual([20]);
    for (let i = 0; i < 5; i++) t.trackEvent("page_viewed", { path: `/q${i}` });
    await vi.advanceTimersByTimeAsync(2900);
    expect(browser.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect((await browser.batches()).map((b) => b.events.length)).toEqual([20, 5]);
    t.installTracker();
    t.trackEvent("page_viewed", { path: "/last" });
    browser.fire("window:pagehide");
    expect((await browser.batches()).map((b) => b.events.length)).toEqual([20, 5, 1]);
  });

  it("records element_clicked for data-track elements through one delegated listener", async () => {
    const browser = fakeBrowser();
    const t = await loadTracker();
    t.setTrackerConsent("analytics");
    t.installTracker();
    const el = { getAttribute: (n: string) => (n === "data-track" ? "topup_create" : null), textContent: `  Create\n   top-up ${"x".repeat(100)} ` };
    class FakeElement {
      closest() {
        return el;
      }
    }
    vi.stubGlobal("Element", FakeElement);
    browser.fire("document:click", { target: new FakeElement() });
    browser.fire("document:click", { target: { closest: () => null } }); // not an Element: ignored
    t.flush();
    const [batch] = await browser.batches();
    const clicked = batch!.events.find((e) => e.name === "element_clicked")!;
    expect(clicked.properties.id).toBe("topup_create");
    expect(clicked.properties.path).toBe("/lender");
    expect(String(clicked.properties.text)).toMatch(/^Create top-up x+$/);
    expect(String(clicked.properties.text)).toHaveLength(80);
  });
});

describe("sessions", () => {
  it("a new session_started after more than 30 minutes without activity, not before", async () => {
    const browser = fakeBrowser();
    const t = await loadTracker();
    t.setTrackerConsent("analytics");
    const names = async () => (await browser.batches()).flatMap((b) => b.events.map((e) => e.name));
    t.trackEvent("page_viewed", { path: "/a" });
    vi.setSystemTime(new Date("2026-03-01T03:29:59Z"));
    t.trackEvent("page_viewed", { path: "/b" });
    vi.setSystemTime(new Date("2026-03-01T03:59:59Z")); // exactly 30 min after the last activity
    t.trackEvent("page_viewed", { path: "/c" });
    vi.setSystemTime(new Date("2026-03-01T04:30:00Z")); // 30 min and 1 s
    t.trackEvent("page_viewed", { path: "/d" });
    t.flush();
    expect(await names()).toEqual(["session_started", "page_viewed", "page_viewed", "page_viewed", "session_started", "page_viewed"]);
    expect(browser.storage.get("lumbung_last_activity")).toBe(String(Date.parse("2026-03-01T04:30:00Z")));
  });

  it("another tab's activity (the shared localStorage) keeps the session going", async () => {
    const browser = fakeBrowser();
    const t = await loadTracker();
    t.setTrackerConsent("analytics");
    browser.storage.set("lumbung_last_activity", String(Date.parse("2026-03-01T02:45:00Z")));
    t.trackEvent("page_viewed", { path: "/a" });
    t.flush();
    expect((await browser.batches()).flatMap((b) => b.events.map((e) => e.name))).toEqual(["page_viewed"]);
  });
});

describe("delivery", () => {
  it("falls back to fetch keepalive; a failed batch is retried with backoff and sent once it works", async () => {
    const browser = fakeBrowser({ beacon: false, fetchFails: true });
    const t = await loadTracker();
    t.setTrackerConsent("analytics");
    t.trackEvent("page_viewed", { path: "/a" });
    t.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.sent).toHaveLength(0);
    expect(t.trackerStateForTests().queue).toHaveLength(2);
    browser.control.fetchFails = false;
    await vi.advanceTimersByTimeAsync(1900);
    expect(browser.sent).toHaveLength(0); // still backing off (2 s)
    await vi.advanceTimersByTimeAsync(200);
    const [batch] = await browser.batches();
    expect(batch!.via).toBe("fetch");
    expect(batch!.events.map((e) => e.name)).toEqual(["session_started", "page_viewed"]);
    expect(t.trackerStateForTests().queue).toHaveLength(0);
  });

  it("keeps at most 200 events while the server cannot be reached (oldest dropped), ids unchanged on retry", async () => {
    const browser = fakeBrowser({ beacon: false, fetchFails: true });
    const t = await loadTracker();
    t.setTrackerConsent("analytics");
    for (let i = 0; i < 300; i++) t.trackEvent("page_viewed", { path: `/p${i}` });
    await vi.advanceTimersByTimeAsync(0);
    const queue = t.trackerStateForTests().queue;
    expect(queue.length).toBeLessThanOrEqual(200);
    expect(queue.at(-1)!.properties.path).toBe("/p299");
    const ids = queue.map((e) => e.id);
    browser.control.fetchFails = false;
    await vi.advanceTimersByTimeAsync(120_000);
    const sentIds = (await browser.batches()).flatMap((b) => b.events.map((e) => e.id));
    expect(sentIds.sort()).toEqual([...ids].sort());
  });
});
