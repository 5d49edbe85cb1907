import { ensurePgliteTemplate, ensurePostgresTemplate } from "./template";

/** Vitest global setup: build the migrated template database once, before the test files run. */
export default async function setup() {
  process.env.LOG_LEVEL ??= "warn";
  if (process.env.TEST_DATABASE_URL) await ensurePostgresTemplate(process.env.TEST_DATABASE_URL);
  else await ensurePgliteTemplate();
}
