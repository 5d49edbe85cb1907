import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { openPglite, openPostgres, type DatabaseHandle } from "./client";

export type { Db, Tx, DbOrTx, DatabaseHandle } from "./client";

// Next.js bundles instrumentation, route handlers and pages separately; a module-level variable
// would give each bundle its own connection (and PGlite allows one opener per directory), so the
// handle lives on globalThis.
const store = globalThis as unknown as { __lumbungDb?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  if (!store.__lumbungDb) {
    const e = env();
    store.__lumbungDb = e.DATABASE_URL
      ? openPostgres(e.DATABASE_URL)
      : openPglite(path.join(e.dataDir, "pglite"));
  }
  return store.__lumbungDb;
}

export function getDb() {
  return getDatabase().db;
}

/** Tests and scripts install a database of their choosing. */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  store.__lumbungDb = handle;
}

export async function closeDatabase(): Promise<void> {
  const handle = store.__lumbungDb;
  store.__lumbungDb = undefined;
  if (handle) await handle.close();
}
