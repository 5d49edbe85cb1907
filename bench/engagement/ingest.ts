/**
 * Ingestion for the engagement benchmark: browser batches through the code path of POST /api/track
 * (trackClientEvents with the ctx the route builds) against a raw batched INSERT of the same rows into
 * the same table, same batch size and concurrency.
 */
import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { userCtx, anonymousCtx, type Ctx } from "@/lib/context";
import { trackClientEvents } from "@/lib/engagement/client-events";
import { parseUserAgent } from "@/lib/engagement/tracking/user-agent";
import { PAGES } from "./seed";

export type BrowserEvent = { id: string; name: string; properties: Record<string, string | number | boolean | null>; referrer?: string };
export type Batch = { userId: string | null; anonymousId: string; ip: string; userAgent: string; locale: "en" | "id"; events: BrowserEvent[] };

/** Deterministic pseudo-random numbers (mulberry32). */
export function makeRand(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` batches of `size` client events, each from its own browser (anonymous id and IP; a third signed
 * in as one of `userIds`, in turn), so /api/track's per-visitor and per-IP rate limits (120 and 600 events a
 * minute) see many visitors, as in production, rather than one browser sending thousands of events.
 */
export function makeBatches(rand: () => number, opts: { count: number; size: number; userIds: string[]; offset: number }): Batch[] {
  return Array.from({ length: opts.count }, (_, n) => {
    const i = opts.offset + n;
    const b = {
      anonymousId: `bench-aid-${i}-${Math.floor(rand() * 1e9)}`,
      userId: i % 3 === 0 ? opts.userIds[(i / 3) % opts.userIds.length]! : null,
      ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      userAgent: rand() < 0.7 ? "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36" : "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15",
      locale: (rand() < 0.55 ? "id" : "en") as "en" | "id",
    };
    const events = Array.from({ length: opts.size }, (): BrowserEvent => {
      const r = rand();
      const path = PAGES[Math.floor(rand() * PAGES.length)]!;
      if (r < 0.7) return { id: randomUUID(), name: "page_viewed", properties: { path, title: "Lumbung", referrer: "https://www.google.com/" } };
      if (r < 0.75) return { id: randomUUID(), name: "session_started", properties: { path } };
      if (r < 0.95) return { id: randomUUID(), name: "element_clicked", properties: { id: "cta-invest", path } };
      return { id: randomUUID(), name: "gold_price_viewed", properties: { path: "/lender/gold", buyPerGram: "1550000", sellPerGram: "1500000" } };
    });
    return { ...b, events };
  });
}

/** The ctx app/api/track builds for a request: the session's user or an anonymous visitor, with the request details. */
export function ctxOf(b: Batch): Ctx {
  const request = { anonymousId: b.anonymousId, ip: b.ip, userAgent: b.userAgent, locale: b.locale };
  return b.userId ? userCtx(b.userId, "lender", request) : anonymousCtx(request);
}

/** Runs `work` over the batches from `concurrency` callers at once; returns the wall time in ms. */
export async function runConcurrently<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<number> {
  const queue = [...items];
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * The /api/track path after the route's body and consent checks: the verb with the route's ctx and the
 * body parsed from the JSON text the browser sends (validation against the catalogue, the rate limits,
 * the receipts that dedupe by client id, the insert).
 */
export async function trackBatch(b: Batch): Promise<{ accepted: number; duplicates: number }> {
  const body = JSON.parse(JSON.stringify({ sentAt: new Date().toISOString(), events: b.events })) as unknown;
  return trackClientEvents({ ctx: ctxOf(b), input: body });
}

/**
 * The reference: one multi-row INSERT of the same rows (the columns trackClientEvents writes), as one
 * prepared statement with bound parameters on the same pool.
 */
export function rawInserter(sql: postgres.Sql, size: number, at: Date) {
  const values = Array.from({ length: size }, (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}::uuid, $${i * 5 + 3}, $${i * 5 + 4}::jsonb, $${i * 5 + 5}::jsonb, $${size * 5 + 1}::timestamptz)`);
  const text = `insert into events (name, user_id, anonymous_id, properties, context, occurred_at) values ${values.join(", ")}`;
  return async (b: Batch) => {
    const params: (string | null)[] = [];
    const { device, browser } = parseUserAgent(b.userAgent);
    for (const e of b.events) {
      params.push(
        e.name,
        b.userId,
        b.anonymousId,
        JSON.stringify(e.properties),
        JSON.stringify({ page: typeof e.properties.path === "string" ? e.properties.path : undefined, referrer: e.referrer, locale: b.locale, userAgent: b.userAgent, device, browser }),
      );
    }
    params.push(at.toISOString());
    await sql.unsafe(text, params, { prepare: true });
  };
}
