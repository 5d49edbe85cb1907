import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { DatabaseHandle } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** Arbitrary but fixed: every Lumbung process takes this advisory lock while it migrates or seeds. */
export const SETUP_LOCK_KEY = 727_001;

/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL it holds a session advisory lock on a
 * reserved connection, so several processes starting at once migrate one after the other.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await withSetupLock(handle, async () => {
    if (handle.kind === "pglite") {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      await migratePostgres(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
    }
  });
}

export async function withSetupLock<T>(handle: DatabaseHandle, fn: () => Promise<T>): Promise<T> {
  if (handle.kind !== "postgres" || !handle.sql) return fn();
  const conn = await handle.sql.reserve();
  try {
    await conn`select pg_advisory_lock(${SETUP_LOCK_KEY})`;
    return await fn();
  } finally {
    await conn`select pg_advisory_unlock(${SETUP_LOCK_KEY})`.catch(() => {});
    conn.release();
  }
}
