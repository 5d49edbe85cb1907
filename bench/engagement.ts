/**
 * Engagement benchmark (issue 14, docs/PERFORMANCE.md "Engagement: events, segments, RFM"): 100 000 users
 * and 2 000 000 events on PostgreSQL, then in one run:
 *   1. set-based seeding (timed, per phase);
 *   2. ingestion of browser batches through the /api/track code path against a raw batched INSERT of the
 *      same rows (same batch size, same concurrency), events/s and the ratio (goal ≥ 0.5×);
 *   3. the count of every seeded segment (goal < 2 s each), EXPLAIN (ANALYZE, BUFFERS) of the slowest;
 *   4. the incremental membership update after one event (goal p95 < 50 ms);
 *   5. the nightly RFM recompute over every lender.
 *
 *   npm run bench:engagement
 *   (= tsx --conditions=react-server bench/engagement.ts; BENCH_DATABASE_URL defaults to
 *    postgres://postgres@127.0.0.1:5432/postgres — a fresh database lumbung_bench_eng_<ts> is created
 *    there, migrated, and dropped at the end; KEEP_DB=1 keeps it)
 * Options: BENCH_USERS=100000 BENCH_EVENTS=2000000 (BENCH_EVENTS=200000 for a quick run),
 * INGEST_BATCHES=1000 (batches of BATCH=50 per side), CONCURRENCY=8, SAMPLES=200, SEED=42.
 */
import { cpus, loadavg } from "node:os";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { closeDatabase, setDatabase } from "@/db";
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { now, setNow } from "@/lib/clock";
import { ensureLoanDefaults } from "@/lib/loans/internal/defaults";
import { seedEngagement, writeProfilesDirect } from "./engagement/seed";
import { makeBatches, makeRand, rawInserter, runConcurrently, trackBatch, type Batch } from "./engagement/ingest";
import { countSegments, explainSegment, incrementalSample, jobSample, loadSegments, perUserCosts, sampleEvents } from "./engagement/segments";
import { percentiles } from "./engagement/stats";
import { seedSegments } from "@/db/seed/segments";
import { refreshTraits } from "@/lib/engagement/profiles/internal/refresh-traits";
import { recomputeRfm } from "@/lib/engagement/profiles/internal/recompute-rfm";
import { refreshMembership } from "@/lib/engagement/segments/internal/refresh-membership";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const LOANS = Number(process.env.BENCH_LOANS ?? 2000);
const BATCH = Number(process.env.BATCH ?? 50);
const INGEST_BATCHES = Number(process.env.INGEST_BATCHES ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const SEED = Number(process.env.SEED ?? 42);
const SAMPLES = Number(process.env.SAMPLES ?? 200);
const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (n: number, d = 0) => n.toLocaleString("en", { minimumFractionDigits: d, maximumFractionDigits: d });
const rows: [string, string, string][] = [];
const figure = (label: string, value: string, goal = "") => {
  rows.push([label, value, goal]);
  console.log(`  ${label.padEnd(44)} ${value.padStart(16)}  ${goal}`);
};

async function main() {
  const started = Date.now();
  const name = `lumbung_bench_eng_${Date.now()}`;
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  const handle = openPostgres(url.toString(), { max: Math.max(10, CONCURRENCY + 2) });
  setDatabase(handle);
  const db = handle.db;
  const version = rowsOf<{ v: string }>(await admin.unsafe(`select current_setting('server_version') as v`))[0]!.v;
  console.log(`engagement benchmark — ${fmt(USERS)} users, ${fmt(EVENTS)} events, PostgreSQL ${version}, database ${name}`);
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min) at start`);
  try {
    await migrateDatabase(handle);
    setNow("2026-12-01T03:00:00Z");
    const at = now();

    // 1. Seeding.
    const t0 = process.hrtime.bigint();
    await ensureLoanDefaults(db);
    const seeder = openPostgres(url.toString(), { max: 1 });
    const seeded = await seedEngagement(seeder.db, { users: USERS, events: EVENTS, loans: LOANS, at, seed: SEED }).finally(() => seeder.close());
    const seedMs = ms(t0);
    console.log(`\n1. seeding (set-based)`);
    for (const [label, t] of seeded.phases) console.log(`  ${label.padEnd(44)} ${(t / 1000).toFixed(1).padStart(14)} s`);
    figure("seeded users / lenders / borrowers", `${fmt(seeded.users)} / ${fmt(seeded.lenders)} / ${fmt(seeded.borrowers)}`);
    figure("seeded events", fmt(seeded.events));
    figure("seeding time (set-based)", `${(seedMs / 1000).toFixed(1)} s`);
    // 2. Ingestion: ABBA (raw, track, track, raw) so drift hits both sides alike.
    console.log(`\n2. ingestion — ${fmt(INGEST_BATCHES)} batches of ${BATCH} per side, ${CONCURRENCY} concurrent callers`);
    const rand = makeRand(SEED);
    const userIds = rowsOf<{ id: string }>(await db.execute(sql`select id from users where role = 'lender' order by id limit 5000`)).map((r) => r.id);
    const half = Math.ceil(INGEST_BATCHES / 2);
    const sets = Array.from({ length: 4 }, (_, i) => makeBatches(rand, { count: half, size: BATCH, userIds, offset: i * half }));
    const raw = rawInserter(handle.sql!, BATCH, at);
    const before = Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from events`))[0]!.n);
    let rawMs = 0;
    let trackMs = 0;
    let accepted = 0;
    const viaTrack = async (b: Batch) => {
      const r = await trackBatch(b);
      accepted += r.accepted;
    };
    let rawCpu = 0;
    let trackCpu = 0;
    const cpuOf = async (fn: () => Promise<number>): Promise<[number, number]> => {
      const c0 = process.cpuUsage();
      const wall = await fn();
      const c = process.cpuUsage(c0);
      return [wall, (c.user + c.system) / 1000];
    };
    const side = async (which: "raw" | "track", batches: Batch[]) => {
      const [wall, cpu] = await cpuOf(() => runConcurrently(batches, CONCURRENCY, which === "raw" ? raw : viaTrack));
      if (which === "raw") {
        rawMs += wall;
        rawCpu += cpu;
      } else {
        trackMs += wall;
        trackCpu += cpu;
      }
    };
    await side("raw", sets[0]!);
    await side("track", sets[1]!);
    await side("track", sets[2]!);
    await side("raw", sets[3]!);
    const after = Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from events`))[0]!.n);
    const perSide = 2 * half * BATCH;
    const rawRate = (perSide * 1000) / rawMs;
    const trackRate = (perSide * 1000) / trackMs;
    figure("raw batched INSERT (reference)", `${fmt(rawRate)} ev/s`);
    figure("/api/track path (trackClientEvents)", `${fmt(trackRate)} ev/s`);
    figure("ratio track / raw", `${(trackRate / rawRate).toFixed(2)}×`, `goal ≥ 0.5×  ${trackRate / rawRate >= 0.5 ? "PASS" : "FAIL"}`);
    console.log(`  this process's CPU per batch: raw ${(rawCpu / (2 * half)).toFixed(2)} ms, track ${(trackCpu / (2 * half)).toFixed(2)} ms (Node is single-threaded: ${CONCURRENCY} callers share one core)`);
    console.log(`  stored ${fmt(after - before)} rows (raw ${fmt(perSide)} + track accepted ${fmt(accepted)})`);
    // A retried batch is stored once: resend 20 batches the track side already stored.
    const resent = sets[1]!.slice(0, 20);
    let duplicates = 0;
    let again = 0;
    for (const b of resent) {
      const r = await trackBatch(b);
      duplicates += r.duplicates;
      again += r.accepted;
    }
    const afterRetry = Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from events`))[0]!.n);
    figure("retried batches: stored again / duplicates", `${fmt(again)} / ${fmt(duplicates)}`, `${afterRetry === after && again === 0 ? "PASS (stored once)" : "FAIL"}`);

    // Profiles: refreshTraits over every user (the real projection from the seeded facts), or PROFILES=direct.
    const tp = process.hrtime.bigint();
    if (process.env.PROFILES === "direct") {
      await writeProfilesDirect(db, at);
      figure("profiles written directly (PROFILES=direct)", `${(ms(tp) / 1000).toFixed(1)} s`);
    } else {
      const n = await refreshTraits(db, {});
      figure(`refreshTraits, all users (${fmt(n)} profiles)`, `${(ms(tp) / 1000).toFixed(1)} s`);
    }
    await db.execute(sql`analyze profiles`);

    // 5 (run before the segments, which include the ten RFM segments): the nightly RFM recompute.
    console.log(`\n5. nightly RFM recompute`);
    const tr = process.hrtime.bigint();
    const rfm = await recomputeRfm(db);
    const rfmMs = ms(tr);
    await db.execute(sql`analyze profiles`);
    figure(`recomputeRfm (${fmt(rfm.scored)} lenders scored)`, `${(rfmMs / 1000).toFixed(1)} s`);
    const rfmSpread = rowsOf<{ segment: string | null; n: number }>(
      await db.execute(sql`select rfm_segment as segment, count(*)::int as n from profiles where role = 'lender' group by 1 order by 2 desc`),
    );
    console.log(`  ${rfmSpread.map((r) => `${r.segment ?? "unscored"} ${fmt(r.n)}`).join(", ")}`);

    // 3. The seeded segments: created as the seed creates them (each computes its members once), then every count.
    console.log(`\n3. seeded segments`);
    const tc = process.hrtime.bigint();
    const created = await seedSegments(handle);
    figure(`seedSegments: ${created.created} created with members`, `${(ms(tc) / 1000).toFixed(1)} s`);
    await db.execute(sql`analyze segment_members`);
    const segs = await loadSegments(db);
    const counts = await countSegments(db, segs, at);
    for (const c of counts) console.log(`  ${(c.segment.key ?? c.segment.name).padEnd(44)} ${fmt(c.count).padStart(8)} users  ${fmt(c.ms).padStart(6)} ms${c.ms >= 2000 ? "  SLOW (goal < 2 s)" : ""}`);
    const slowest = [...counts].sort((a, b) => b.ms - a.ms)[0];
    const maxMs = slowest?.ms ?? 0;
    figure(`segment counts (${counts.length}), slowest`, `${fmt(maxMs)} ms`, `goal < 2 000 ms each  ${maxMs < 2000 ? "PASS" : "FAIL"}`);
    figure("segment counts, sum", `${fmt(counts.reduce((s, c) => s + c.ms, 0))} ms`);
    if (slowest) {
      console.log(`  EXPLAIN (ANALYZE, BUFFERS) of the slowest, ${slowest.segment.key ?? slowest.segment.name}:`);
      for (const line of await explainSegment(db, slowest.segment, at)) console.log(`    ${line}`);
    }
    const tf = process.hrtime.bigint();
    const full = await refreshMembership(db, {});
    figure(`scheduled refresh of all segments (+${fmt(full.entered)} −${fmt(full.exited)})`, `${(ms(tf) / 1000).toFixed(1)} s`);

    // 4. Incremental membership after one event.
    console.log(`\n4. incremental membership update after one event — ${SAMPLES} samples`);
    const sampleUsers = rowsOf<{ id: string }>(
      await db.execute(sql`select user_id as id from profiles where role = 'lender' order by md5(user_id::text || ${String(SEED)}) limit ${SAMPLES}`),
    ).map((r) => r.id);
    const kinds = sampleEvents(makeRand(SEED + 1), SAMPLES);
    const direct: number[] = [];
    const job: number[] = [];
    let segsTouched = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const r = await incrementalSample(db, segs, sampleUsers[i % sampleUsers.length]!, kinds[i]!, at);
      direct.push(r.ms);
      segsTouched += r.segments;
    }
    for (let i = 0; i < SAMPLES; i++) job.push((await jobSample(db, sampleUsers[(i + 7) % sampleUsers.length]!, kinds[i]!, at)).ms);
    const d = percentiles(direct);
    const j = percentiles(job);
    figure("track + refreshMembership(user, affected) p50/p95/p99", `${d.p50.toFixed(1)} / ${d.p95.toFixed(1)} / ${d.p99.toFixed(1)} ms`, `goal p95 < 50 ms  ${d.p95 < 50 ? "PASS" : "FAIL"}`);
    console.log(`  (${(segsTouched / SAMPLES).toFixed(1)} segments refreshed per event on average)`);
    const costs = await perUserCosts(db, segs, sampleUsers.slice(0, 20), at);
    console.log(`  per segment for one user (median of 20 users, one statement each): sum ${costs.sumP50.toFixed(1)} ms; slowest:`);
    for (const c of costs.perSegment.slice(0, 5)) console.log(`    ${(c.segment.key ?? c.segment.name).padEnd(42)} ${c.p50.toFixed(1)} ms`);
    figure("track + applyDrainedEvents (traits + membership) p50/p95/p99", `${j.p50.toFixed(1)} / ${j.p95.toFixed(1)} / ${j.p99.toFixed(1)} ms`, `goal p95 < 50 ms  ${j.p95 < 50 ? "PASS" : "FAIL"}`);

    console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`\nsummary`);
    for (const [label, value, goal] of rows) console.log(`| ${label} | ${value} | ${goal} |`);
  } finally {
    await closeDatabase();
    if (!process.env.KEEP_DB) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
