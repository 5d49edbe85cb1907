import os from "node:os";
import { afterAll, beforeAll } from "vitest";
import { setNow } from "@/lib/clock";
import { closeTestDatabase, openTestDatabase } from "./db";

/**
 * Every test file gets a database of its own: an in-memory PGlite, or a fresh database on the
 * PostgreSQL server named by TEST_DATABASE_URL. It is migrated before the file and dropped after.
 * Files that need no database pay only for a lazy handle that is never opened.
 */
process.env.LOG_LEVEL ??= "warn";
// Uploaded files and generated secrets of tests go to a scratch folder, not the demo's .data/.
process.env.DATA_DIR ??= `${os.tmpdir()}/lumbung-test-${process.pid}`;

beforeAll(async () => {
  await openTestDatabase();
});

afterAll(async () => {
  setNow(null);
  await closeTestDatabase();
});
