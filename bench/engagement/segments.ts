/**
 * Segments in the engagement benchmark: the count of every seeded segment through compileSegment, the
 * plan of the slowest, and the incremental membership update after one event.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";
import { compileSegment } from "@/lib/engagement/segments/compile";
import type { SegmentRule } from "@/lib/engagement/segments/definition";
import { refreshMembership } from "@/lib/engagement/segments/internal/refresh-membership";
import { applyDrainedEvents } from "@/lib/engagement/segments/internal/process-events";
import { track } from "@/lib/engagement";
import type { EventName } from "@/lib/engagement/event-names";
import { collapsePartitions, percentiles } from "./stats";

export type StoredSegment = { id: string; key: string | null; name: string; rule: SegmentRule; eventNames: string[]; fields: string[]; dependsOn: string[]; timeRelative: boolean };

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

export async function loadSegments(db: Db): Promise<StoredSegment[]> {
  return rowsOf<{ id: string; key: string | null; name: string; rule: SegmentRule; event_names: string[]; fields: string[]; depends_on: string[]; time_relative: boolean }>(
    await db.execute(sql`select id, key, name, rule, event_names, fields, depends_on, time_relative from segments where status = 'active' order by key nulls last, name`),
  ).map((r) => ({ id: r.id, key: r.key, name: r.name, rule: r.rule, eventNames: r.event_names, fields: r.fields, dependsOn: r.depends_on, timeRelative: r.time_relative }));
}

export type SegmentCount = { segment: StoredSegment; count: number; ms: number };

/** Every segment's count with its compiled query (`select count(*) from (…)`), one after another, each timed. */
export async function countSegments(db: Db, segs: StoredSegment[], at: Date): Promise<SegmentCount[]> {
  const out: SegmentCount[] = [];
  for (const segment of segs) {
    const q = compileSegment(segment.rule, { now: at });
    const t = process.hrtime.bigint();
    const n = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${q}) s`))[0]!.n;
    out.push({ segment, count: n, ms: ms(t) });
  }
  return out;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a segment's count query, as text lines; under an Append over the monthly
 * partitions only the first partition's subtree is kept (the others are alike), with a count of the rest.
 */
export async function explainSegment(db: Db, segment: StoredSegment, at: Date): Promise<string[]> {
  const q = compileSegment(segment.rule, { now: at });
  const lines = rowsOf<{ "QUERY PLAN": string }>(await db.execute(sql`explain (analyze, buffers) select count(*)::int as n from (${q}) s`)).map((r) => r["QUERY PLAN"]);
  return collapsePartitions(lines);
}

/**
 * The segments an event of `name` can change, chosen as engagement.process-events chooses them
 * (lib/engagement/segments/internal/process-events.ts): those counting that event and those reading a
 * profile field (a trait may move after the event); then, transitively, those depending on them.
 */
export function affectedBy(segs: StoredSegment[], name: string): string[] {
  const hit = new Set(segs.filter((s) => s.eventNames.includes(name) || s.fields.length > 0).map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of segs) {
      if (!hit.has(s.id) && s.dependsOn.some((d) => hit.has(d))) {
        hit.add(s.id);
        grew = true;
      }
    }
  }
  return [...hit];
}

export type SampleEvent = { name: EventName; properties: Record<string, unknown> };

/**
 * One sample of the incremental path: in one transaction, track one event for the user and refresh the
 * membership of the segments it can change for that user only; the time from begin to commit.
 */
export async function incrementalSample(db: Db, segs: StoredSegment[], userId: string, event: SampleEvent, at: Date) {
  const segmentIds = affectedBy(segs, event.name);
  const t = process.hrtime.bigint();
  const result = await db.transaction(async (tx) => {
    await track(tx, { name: event.name, userId, properties: event.properties, occurredAt: at });
    if (segmentIds.length === 0) return { entered: 0, exited: 0 };
    return refreshMembership(tx, { userIds: [userId], segmentIds });
  });
  return { ms: ms(t), segments: segmentIds.length, ...result };
}

/**
 * The job's path for the same one event (engagement.process-events without the cursor): track it, then
 * applyDrainedEvents — the user's traits refreshed, then every segment the event can change — in one
 * transaction, timed from begin to commit.
 */
export async function jobSample(db: Db, userId: string, event: SampleEvent, at: Date) {
  const t = process.hrtime.bigint();
  const result = await db.transaction(async (tx) => {
    await track(tx, { name: event.name, userId, properties: event.properties, occurredAt: at });
    return applyDrainedEvents(tx, [{ id: 0n, name: event.name, userId, anonymousId: null, occurredAt: at, properties: event.properties }]);
  });
  return { ms: ms(t), ...result };
}

/** `n` events of the kinds that move segments (money, KYC) and of browsing, in the catalogue's shapes. */
export function sampleEvents(rand: () => number, n: number): SampleEvent[] {
  const uuid = () => randomUUID();
  return Array.from({ length: n }, (): SampleEvent => {
    const r = rand();
    const amount = String((1 + Math.floor(rand() * 50)) * 100_000);
    if (r < 0.3) return { name: "topup_paid", properties: { topUpId: uuid(), amount, method: "va", bank: "bca" } };
    if (r < 0.55) return { name: "loan_invested", properties: { loanId: uuid(), investmentId: uuid(), amount, source: "manual" } };
    if (r < 0.8) return { name: "page_viewed", properties: { path: "/lender/marketplace", title: "Lumbung" } };
    if (r < 0.9) return { name: "kyc_step_completed", properties: { step: "address", resubmission: false } };
    return {
      name: "gold_bought",
      properties: { tradeId: uuid(), units: "6452", rupiah: "1000000", pricePerGram: "1550000", mode: "rupiah", priceChange7dBps: 12, source: "manual", recurringPlanId: null },
    };
  });
}


/**
 * Where the incremental update's time goes: each segment's compiled query restricted to one user
 * (compileSegment with userIds), one statement each, median over `users`.
 */
export async function perUserCosts(db: Db, segs: StoredSegment[], users: string[], at: Date) {
  const each = new Map<string, number[]>();
  for (const u of users) {
    for (const s of segs) {
      const q = compileSegment(s.rule, { now: at, userIds: [u] });
      const t = process.hrtime.bigint();
      await db.execute(sql`select count(*)::int as n from (${q}) s`);
      each.set(s.id, [...(each.get(s.id) ?? []), ms(t)]);
    }
  }
  const perSegment = segs.map((s) => ({ segment: s, p50: percentiles(each.get(s.id) ?? []).p50 })).sort((a, b) => b.p50 - a.p50);
  return { perSegment, sumP50: perSegment.reduce((a, x) => a + x.p50, 0) };
}
