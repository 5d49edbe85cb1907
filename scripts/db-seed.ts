// `npm run db:seed`: migrates, then adds the demo data (idempotent). This is the only way demo
// accounts get into a PostgreSQL deployment.
import { closeDatabase, getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { stopJobRunner } from "@/lib/jobs/boss";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/system/demo-accounts";

const handle = getDatabase();
await migrateDatabase(handle);
const { created } = await seedDemo(handle);
console.log(`Demo data seeded (${handle.kind}): ${created} new account(s). Password for all: ${DEMO_PASSWORD}`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
await stopJobRunner();
await closeDatabase();
