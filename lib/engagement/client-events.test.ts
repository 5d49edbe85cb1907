import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { setNow, advanceNow } from "@/lib/clock";
import { anonymousCtx, type Ctx } from "@/lib/context";
import { trackRateLimiter } from "@/lib/engagement/tracking/rate-limit";

// Auth.js does not load outside Next: the route's ctx is whatever the test says the request carried.
const current: { ctx: Ctx } = { ctx: anonymousCtx() };
vi.mock("@/lib/auth/session", () => ({ getRequestCtx: async () => current.ctx }));

// The route handler itself: body limit, consent cookie, JSON, then trackClientEvents.
const { POST } = await import("@/app/api/track/route");

const UA_PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

function visitor(anonymousId = randomUUID(), ip = "203.0.113.7") {
  current.ctx = anonymousCtx({ anonymousId, ip, userAgent: UA_PHONE, locale: "id" });
  return anonymousId;
}

const pageView = (path = "/", extra: Record<string, unknown> = {}) => ({ id: randomUUID(), name: "page_viewed", at: "2026-03-01T02:59:58.000Z", properties: { path, title: "Lumbung" }, ...extra });

function post(body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(new Request("http://localhost/api/track", { method: "POST", body: text, headers: { "content-type": "application/json", ...headers } }));
}

async function countEvents(anonymousId: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from events where anonymous_id = ${anonymousId}`));
  return Number(rows[0]!.n);
}

async function expectRefused(res: Response, status: number, code: string, anonymousId: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toMatchObject({ code, message: expect.any(String) });
  expect(await countEvents(anonymousId)).toBe(0);
}

beforeEach(() => {
  setNow("2026-03-01T03:00:00Z");
  trackRateLimiter.reset();
});

describe("POST /api/track: a valid batch", () => {
  it("stores each event with the visitor, the server's clock less the queue time, and the device and browser", async () => {
    const aid = visitor();
    const res = await post({ sentAt: "2026-03-01T03:00:00.000Z", events: [pageView("/a"), { id: randomUUID(), name: "element_clicked", properties: { id: "landing_signup_lender", path: "/", text: "Start lending" } }] });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0 });
    const rows = rowsOf<{ name: string; occurred_at: string | Date; context: Record<string, unknown>; properties: Record<string, unknown> }>(
      await getDb().execute(sql`select name, occurred_at, context, properties from events where anonymous_id = ${aid} order by name`),
    );
    const [clicked, viewed] = rows;
    expect(clicked!.properties).toEqual({ id: "landing_signup_lender", path: "/", text: "Start lending" });
    expect(viewed!.context).toMatchObject({ page: "/a", device: "mobile", browser: "Chrome", locale: "id", clientTime: "2026-03-01T02:59:58.000Z" });
    // Sent 2 s after it happened: recorded 2 s before the server received it.
    expect(new Date(viewed!.occurred_at).toISOString()).toBe("2026-03-01T02:59:58.000Z");
    expect(new Date(clicked!.occurred_at).toISOString()).toBe("2026-03-01T03:00:00.000Z");
  });

  it("session_started carries the device and browser the server read from the User-Agent", async () => {
    const aid = visitor();
    await post({ events: [{ id: randomUUID(), name: "session_started", properties: { path: "/", device: "desktop", browser: "Firefox" } }] });
    const rows = rowsOf<{ properties: Record<string, unknown> }>(await getDb().execute(sql`select properties from events where anonymous_id = ${aid}`));
    expect(rows[0]!.properties).toEqual({ path: "/", device: "mobile", browser: "Chrome" });
  });

  it("stores a retried batch once (client-made ids, client_event_receipts)", async () => {
    const aid = visitor();
    const batch = { events: [pageView("/1"), pageView("/2"), pageView("/3")] };
    expect(await (await post(batch)).json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await (await post(batch)).json()).toEqual({ accepted: 0, duplicates: 3 });
    // Half old, half new; one id twice in the same batch counts once.
    const fresh = pageView("/4");
    expect(await (await post({ events: [batch.events[0], fresh, fresh] })).json()).toEqual({ accepted: 1, duplicates: 2 });
    expect(await countEvents(aid)).toBe(4);
  });

  it("stores the same batch sent twice at once only once", async () => {
    const aid = visitor();
    const batch = { events: Array.from({ length: 12 }, (_, i) => pageView(`/p${i}`)) };
    const results = await Promise.all([post(batch), post(batch)]);
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(bodies.map((b) => b.accepted).sort()).toEqual([0, 12]);
    expect(await countEvents(aid)).toBe(12);
  });

  it("stores nothing for a visitor who chose only necessary cookies (202, accepted 0)", async () => {
    const aid = visitor();
    const res = await post({ events: [pageView()] }, { cookie: "NEXT_LOCALE=id; lumbung_consent=necessary" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 0, duplicates: 0 });
    expect(await countEvents(aid)).toBe(0);
    const accepted = await post({ events: [pageView()] }, { cookie: "lumbung_consent=analytics" });
    expect(await accepted.json()).toMatchObject({ accepted: 1 });
  });
});

describe("POST /api/track: bad input is refused whole, with a 4xx and a code, and nothing is stored", () => {
  it("an unknown event name: 400 unknown_event", async () => {
    const aid = visitor();
    await expectRefused(await post({ events: [pageView(), { id: randomUUID(), name: "made_up_event", properties: {} }] }), 400, "unknown_event", aid);
  });

  it("a server-side event name: 403 server_event_refused", async () => {
    const aid = visitor();
    for (const name of ["topup_paid", "user_signed_up", "segment_entered", "loan_invested"]) {
      await expectRefused(await post({ events: [pageView(), { id: randomUUID(), name, properties: { amount: "1000000" } }] }), 403, "server_event_refused", aid);
    }
  });

  it("malformed JSON: 400 invalid_json (the code readJson uses everywhere)", async () => {
    const aid = visitor();
    await expectRefused(await post('{"events":[{"name":"page_viewed"'), 400, "invalid_json", aid);
    await expectRefused(await post(""), 400, "invalid_json", aid);
    await expectRefused(await post({ nothing: true }), 400, "validation_failed", aid);
    await expectRefused(await post({ events: [] }), 400, "validation_failed", aid);
  });

  it("a 10.000-event batch: 413 batch_too_large, by body size and by count", async () => {
    const aid = visitor();
    const huge = { events: Array.from({ length: 10_000 }, () => pageView()) };
    await expectRefused(await post(huge), 413, "batch_too_large", aid);
    // Small events but more than 50 of them.
    const many = { events: Array.from({ length: 51 }, () => ({ id: randomUUID(), name: "page_viewed", properties: { path: "/" } })) };
    expect(JSON.stringify(many).length).toBeLessThan(64 * 1024);
    await expectRefused(await post(many), 413, "batch_too_large", aid);
    // A body over 64 KB without a Content-Length is counted while read.
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify(huge)));
        c.close();
      },
    });
    const res = await POST(new Request("http://localhost/api/track", { method: "POST", body: stream, duplex: "half" } as RequestInit));
    await expectRefused(res, 413, "batch_too_large", aid);
  });

  it("oversized properties: 400 properties_too_large", async () => {
    const aid = visitor();
    const properties = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "x".repeat(300)]));
    await expectRefused(await post({ events: [pageView(), { id: randomUUID(), name: "cta_clicked", properties }] }), 400, "properties_too_large", aid);
  });

  it("a missing or malformed id, nested or over-long values: 400 validation_failed naming the field", async () => {
    const aid = visitor();
    const noId = await post({ events: [{ name: "page_viewed", properties: { path: "/" } }] });
    expect(noId.status).toBe(400);
    expect((await noId.json()).fields).toHaveProperty("events.0.id");
    await expectRefused(await post({ events: [{ ...pageView(), id: "1" }] }), 400, "validation_failed", aid);
    await expectRefused(await post({ events: [{ ...pageView(), properties: { path: { nested: true } } }] }), 400, "validation_failed", aid);
    await expectRefused(await post({ events: [{ ...pageView(), properties: { path: "/", title: "t".repeat(501) } }] }), 400, "validation_failed", aid);
    const noPath = await post({ events: [pageView(), { id: randomUUID(), name: "element_clicked", properties: { path: "/" } }] });
    expect(noPath.status).toBe(400);
    expect((await noPath.json()).fields).toHaveProperty("events.1.properties.id");
    await expectRefused(await post({ events: [pageView("/a\u0000b")] }), 400, "text_invalid", aid);
    // The catalogue's schemas are strict: a property it does not know is refused.
    const extra = await post({ events: [{ ...pageView(), properties: { path: "/", email: "someone@example.com" } }] });
    expect(extra.status).toBe(400);
    expect(await countEvents(aid)).toBe(0);
  });
});

describe("POST /api/track: rate limits", () => {
  it("120 events a minute per visitor, then 429 rate_limited (nothing stored); the next minute goes through", async () => {
    const aid = visitor();
    for (let i = 0; i < 6; i++) {
      const res = await post({ events: Array.from({ length: 20 }, () => pageView()) });
      expect(res.status).toBe(202);
    }
    const over = await post({ events: [pageView("/over")] });
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ code: "rate_limited" });
    expect(await countEvents(aid)).toBe(120);
    advanceNow(60_000);
    expect((await post({ events: [pageView()] })).status).toBe(202);
  });

  it("600 events a minute per IP across visitors", async () => {
    let stored = 0;
    for (let v = 0; v < 7; v++) {
      visitor(randomUUID(), "198.51.100.99");
      for (let i = 0; i < 2; i++) {
        const res = await post({ events: Array.from({ length: 50 }, () => ({ id: randomUUID(), name: "page_viewed", properties: { path: "/" } })) });
        if (res.status === 202) stored += 50;
        else expect(await res.json()).toMatchObject({ code: "rate_limited" });
      }
    }
    expect(stored).toBe(600);
    // Another address is not limited by this one.
    visitor(randomUUID(), "198.51.100.100");
    expect((await post({ events: [pageView()] })).status).toBe(202);
  });
});
