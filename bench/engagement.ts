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
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { closeDatabase, setDatabase } from "@/db";
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { now, setNow } from "@/lib/clock";
import { ensureLoanDefaults } from "@/lib/loans/internal/defaults";
import { seedEngagement, writeProfilesDirect } from "./engagement/seed";
import { makeBatches, makeRand, rawInserter, runConcurrently, trackBatch } from "./engagement/ingest";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const LOANS = Number(process.env.BENCH_LOANS ?? 2000);
const BATCH = Number(process.env.BATCH ?? 50);
const INGEST_BATCHES = Number(process.env.INGEST_BATCHES ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const SEED = Number(process.env.SEED ?? 42);
const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (n: number, d = 0) => n.toLocaleString("en", { minimumFractionDigits: d, maximumFractionDigits: d });
const rows: [string, string, string][] = [];
const figure = (label: string, value: string, goal = "") => {
  rows.push([label, value, goal]);
  console.log(`  ${label.padEnd(44)} ${value.padStart(16)}  ${goal}`);
};

async function main() {
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
    const tp = process.hrtime.bigint();
    await writeProfilesDirect(db, at);
    await db.execute(sql`analyze profiles`);
    seeded.phases.push(["profiles (written directly)", ms(tp)]);
    console.log(`\n1. seeding (set-based)`);
    for (const [label, t] of seeded.phases) console.log(`  ${label.padEnd(44)} ${(t / 1000).toFixed(1).padStart(14)} s`);
    figure("seeded users / lenders / borrowers", `${fmt(seeded.users)} / ${fmt(seeded.lenders)} / ${fmt(seeded.borrowers)}`);
    figure("seeded events", fmt(seeded.events));
    figure("seeding time (set-based, excl. profiles)", `${(seedMs / 1000).toFixed(1)} s`);

    // 2. Ingestion: ABBA (raw, track, track, raw) so drift hits both sides alike.
    console.log(`\n2. ingestion — ${fmt(INGEST_BATCHES)} batches of ${BATCH} per side, ${CONCURRENCY} concurrent callers`);
    const rand = makeRand(SEED);
    const userIds = rowsOf<{ id: string }>(await db.execute(sql`select id from users where role = 'lender' order by id limit 5000`)).map((r) => r.id);
    const half = Math.ceil(INGEST_BATCHES / 2);
    const sets = Array.from({ length: 4 }, () => makeBatches(rand, { count: half, size: BATCH, browsers: 4000, userIds }));
    const raw = rawInserter(handle.sql!, BATCH, at);
    const before = Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from events`))[0]!.n);
    let rawMs = 0;
    let trackMs = 0;
    let accepted = 0;
    rawMs += await runConcurrently(sets[0]!, CONCURRENCY, raw);
    trackMs += await runConcurrently(sets[1]!, CONCURRENCY, async (b) => { const n = await trackBatch(b); accepted += n; });
    trackMs += await runConcurrently(sets[2]!, CONCURRENCY, async (b) => { const n = await trackBatch(b); accepted += n; });
    rawMs += await runConcurrently(sets[3]!, CONCURRENCY, raw);
    const after = Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from events`))[0]!.n);
    const perSide = 2 * half * BATCH;
    const rawRate = (perSide * 1000) / rawMs;
    const trackRate = (perSide * 1000) / trackMs;
    figure("raw batched INSERT (reference)", `${fmt(rawRate)} ev/s`);
    figure("/api/track path (trackClientEvents)", `${fmt(trackRate)} ev/s`);
    figure("ratio track / raw", `${(trackRate / rawRate).toFixed(2)}×`, `goal ≥ 0.5×  ${trackRate / rawRate >= 0.5 ? "PASS" : "FAIL"}`);
    console.log(`  stored ${fmt(after - before)} rows (raw ${fmt(perSide)} + track accepted ${fmt(accepted)})`);

    console.log(`\nsummary`);
    for (const [label, value, goal] of rows) console.log(`| ${label} | ${value} | ${goal} |`);
  } finally {
    await closeDatabase();
    if (!process.env.KEEP_DB) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
