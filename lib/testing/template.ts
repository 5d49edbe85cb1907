import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPglite, openPostgres } from "@/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";

/**
 * One migrated template database per test run instead of initdb + every migration per test file
 * (about 2 s each on PGlite; most of it initdb). Named by a hash of the committed migrations, so a
 * new migration makes a new template and an unchanged set is reused across runs:
 * - PGlite: a dumped data directory in the temp folder, loaded by each file (`loadDataDir`, ~0.5 s);
 * - PostgreSQL: a database `lumbung_tpl_<hash>`, copied by `create database … template` per file.
 * Built once by the vitest global setup (lib/testing/global-setup.ts) before any worker starts.
 */
export function migrationsHash(): string {
  const h = crypto.createHash("sha256");
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else h.update(path.relative(MIGRATIONS_FOLDER, full)).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  walk(MIGRATIONS_FOLDER);
  return h.digest("hex").slice(0, 16);
}

export function pgliteTemplatePath(): string {
  return path.join(os.tmpdir(), `lumbung-tpl-${migrationsHash()}.tar`);
}

export function postgresTemplateName(): string {
  return `lumbung_tpl_${migrationsHash()}`;
}

export async function ensurePgliteTemplate(): Promise<string> {
  const file = pgliteTemplatePath();
  if (fs.existsSync(file)) return file;
  const handle = openPglite(null);
  await migrateDatabase(handle);
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file); // atomic: a concurrent run sees the whole file or none
  return file;
}

export async function ensurePostgresTemplate(baseUrl: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length > 0) return name;
    const building = `${name}_b${crypto.randomBytes(3).toString("hex")}`;
    await admin.unsafe(`create database ${building}`);
    const url = new URL(baseUrl);
    url.pathname = `/${building}`;
    const handle = openPostgres(url.toString(), { max: 2 });
    try {
      await migrateDatabase(handle);
    } finally {
      await handle.close();
    }
    try {
      await admin.unsafe(`alter database ${building} rename to ${name}`);
    } catch {
      // Another run built the same template meanwhile: use theirs.
      await admin.unsafe(`drop database if exists ${building} with (force)`);
    }
    // Templates of older migration sets: dropped when nobody uses them (no `force`: another checkout on
    // the same server — a worktree on other migrations — may be copying one right now).
    const stale = await admin`select datname from pg_database where datname like 'lumbung\\_tpl\\_%' and datname <> ${name} and datname not like '%\\_b%'`;
    for (const row of stale) await admin.unsafe(`drop database if exists ${row.datname as string}`).catch(() => {});
    return name;
  } finally {
    await admin.end();
  }
}
