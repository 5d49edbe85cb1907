import crypto from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { openPglite, openPostgres, type DatabaseHandle } from "./client";
import { MIGRATIONS_FOLDER } from "./migrate";

/**
 * Migration 0016 is hand-written (events → partitioned by month): it must carry existing rows over,
 * into a partition per month, and keep the id sequence going. This builds a database at 0015 with
 * events in two months, applies 0016 alone and checks the result, on PGlite or PostgreSQL.
 */
const extra: { adminUrl?: string; name?: string; handle?: DatabaseHandle } = {};

async function openScratch(): Promise<DatabaseHandle> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return openPglite(null);
  const name = `lumbung_t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  extra.adminUrl = base;
  extra.name = name;
  return openPostgres(url.toString(), { max: 2 });
}

afterAll(async () => {
  await extra.handle?.close();
  if (extra.adminUrl && extra.name) {
    const admin = postgres(extra.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${extra.name} with (force)`).catch(() => {});
    await admin.end();
  }
});

async function apply(handle: DatabaseHandle, statements: string[]): Promise<void> {
  for (const s of statements) if (s.trim()) await handle.exec(s);
}

describe("migration 0016 (events partitioned by month)", () => {
  it("moves existing rows into monthly partitions and keeps the id sequence", async () => {
    const handle = (extra.handle = await openScratch());
    const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    const at = migrations.findIndex((m) => m.sql.some((s) => s.includes("events_unpartitioned")));
    expect(at).toBe(16);
    for (const m of migrations.slice(0, at)) await apply(handle, m.sql);

    await handle.exec(`
      insert into users (id, email, password_hash, role, full_name, phone, locale, created_at, updated_at)
      values ('00000000-0000-4000-8000-000000000001', 'a@test.lumbung', 'x', 'lender', 'A', '0812', 'en', now(), now());
      insert into events (occurred_at, user_id, name, properties) values
        ('2026-10-31 23:59:59+00', '00000000-0000-4000-8000-000000000001', 'user_signed_in', '{"a":1}'),
        ('2026-11-01 00:00:00+00', null, 'page_viewed', '{}'),
        ('2026-11-15 08:00:00+07', '00000000-0000-4000-8000-000000000001', 'wallet_topped_up', '{"amount":"5"}');
    `);
    const before = await handle.raw(`select id, occurred_at, name, properties from events order by id`);

    await apply(handle, migrations[at]!.sql);

    const after = await handle.raw(`select id, occurred_at, name, properties, tx_id from events order by id`);
    expect(after.rows.map((r) => [r.id, r.name, r.properties])).toEqual(before.rows.map((r) => [r.id, r.name, r.properties]));
    expect(after.rows.every((r) => BigInt(r.tx_id as bigint) === 0n)).toBe(true);

    const parts = await handle.raw(
      `select tableoid::regclass::text as part, count(*)::int as n from events group by 1 order by 1`,
    );
    expect(parts.rows).toEqual([
      { part: "events_y2026m10", n: 1 },
      { part: "events_y2026m11", n: 2 },
    ]);
    const kind = await handle.raw(`select relkind from pg_class where relname = 'events'`);
    expect(kind.rows[0]?.relkind).toBe("p");
    const def = await handle.raw(
      `select count(*)::int as n from pg_inherits i join pg_class c on c.oid = i.inhrelid where c.relname = 'events_default'`,
    );
    expect(def.rows[0]?.n).toBe(1);

    // The next id continues after the copied ones; tx_id is the writer's transaction.
    const next = await handle.raw(
      `insert into events (occurred_at, name) values ('2026-12-03 00:00:00+00', 'page_viewed')
       returning id, tx_id, tableoid::regclass::text as part`,
    );
    const maxBefore = before.rows.reduce((m, r) => (BigInt(r.id as bigint) > m ? BigInt(r.id as bigint) : m), 0n);
    expect(BigInt(next.rows[0]!.id as bigint)).toBe(maxBefore + 1n);
    expect(BigInt(next.rows[0]!.tx_id as bigint)).toBeGreaterThan(0n);
    expect(next.rows[0]!.part).toBe("events_default");

    // Indexes exist on the parent and on every partition.
    const idx = await handle.raw(
      `select c.relname as t, count(*)::int as n from pg_index i join pg_class c on c.oid = i.indrelid
       where c.relname in ('events', 'events_default', 'events_y2026m11') group by 1 order by 1`,
    );
    expect(idx.rows).toEqual([
      { t: "events", n: 5 },
      { t: "events_default", n: 5 },
      { t: "events_y2026m11", n: 5 },
    ]);

    // The foreign key to users holds.
    await expect(
      handle.exec(`insert into events (occurred_at, user_id, name) values (now(), '00000000-0000-4000-8000-0000000000ff', 'x')`),
    ).rejects.toThrow();
  });
});
