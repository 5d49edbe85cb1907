import "server-only";
import { getDatabase } from "@/db";
import { migrateDatabase, withSetupLock } from "@/db/migrate";
import { hasAnyUser, seedDemo } from "@/db/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/system/demo-accounts";
import { demoOnPostgresWarning, env } from "@/lib/env";
import { startJobRunner } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";
import { syncClock } from "./internal/time-machine";
import { ensureLoanDefaults } from "@/lib/loans";
import { ensureGoldDefaults } from "@/lib/gold";
import { ensureCurrentEventPartitions } from "@/lib/engagement";

/** Migrates (under an advisory lock) and, in demo mode, seeds an empty database. */
export async function prepareDatabase(): Promise<void> {
  const handle = getDatabase();
  await migrateDatabase(handle);
  // The starting loan products and the 2026 regulatory caps (idempotent): every deployment needs caps.
  await withSetupLock(handle, () => handle.db.transaction((tx) => ensureLoanDefaults(tx)));
  // The World Bank monthly gold prices behind the long-range charts (idempotent).
  await withSetupLock(handle, () => handle.db.transaction((tx) => ensureGoldDefaults(tx)));
  if (env().demoMode && !(await hasAnyUser(handle))) {
    const { created } = await seedDemo(handle);
    logger.info("demo data seeded", { accounts: created });
  }
  await syncClock(handle.db, true);
  // This month's and the next two months' events partitions (by the time machine's clock), idempotent.
  await withSetupLock(handle, () => ensureCurrentEventPartitions(handle.db));
}

/** What a web process does before it serves: database ready, job runner started. */
export async function bootServer(): Promise<void> {
  const e = env();
  const warning = demoOnPostgresWarning(e);
  if (warning) {
    // Loud on purpose: a framed block on stderr, and the log line for log collectors.
    console.error(warning);
    logger.warn("demo mode on PostgreSQL: public webhook secret and time machine are on", { DEMO_MODE_ON_POSTGRES: "i-understand" });
  }
  await prepareDatabase();
  await startJobRunner({ work: e.JOBS === "on" });
  const lines = [
    `Lumbung is ready on ${e.publicUrl} (database: ${e.databaseKind}${e.databaseKind === "pglite" ? `, files in ${e.dataDir}` : ""}; jobs: ${e.JOBS === "on" ? "running in this process" : "enqueue only"})`,
  ];
  if (e.demoMode) {
    lines.push(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.role.padEnd(9)} ${a.email}`);
  }
  console.log(lines.join("\n"));
}
