import crypto from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import fs from "node:fs";
import { ensurePgliteTemplate, ensurePostgresTemplate } from "./template";
import { closeDatabase, getDatabase, setDatabase } from "@/db";
import { stopJobRunner } from "@/lib/jobs/boss";
import { resetEnvForTests } from "@/lib/env";

const state: { adminUrl?: string; name?: string } = {};

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
}

/**
 * Opens a fresh database for this test file, copied from the migrated template (lib/testing/template.ts),
 * and installs it as the app's database.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const base = process.env.TEST_DATABASE_URL;
  let handle: DatabaseHandle;
  if (base) {
    const name = `lumbung_t_${crypto.randomBytes(6).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    const template = await ensurePostgresTemplate(base);
    await admin.unsafe(`create database ${name} template ${template}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    state.adminUrl = base;
    state.name = name;
    process.env.DATABASE_URL = url.toString();
    // Test databases are disposable: the demo-mode tests (time machine) also run on PostgreSQL.
    process.env.DEMO_MODE_ON_POSTGRES = "i-understand";
    handle = openPostgres(url.toString(), { max: 20 });
  } else {
    delete process.env.DATABASE_URL;
    const file = await ensurePgliteTemplate();
    handle = openPglite(null, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  }
  resetEnvForTests();
  setDatabase(handle);
  return handle;
}

export async function closeTestDatabase(): Promise<void> {
  await stopJobRunner().catch(() => {});
  await closeDatabase();
  if (state.adminUrl && state.name) {
    const admin = postgres(state.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${state.name} with (force)`).catch(() => {});
    await admin.end();
  }
}

export function testDatabase(): DatabaseHandle {
  return getDatabase();
}
