// `npm run db:seed`: migrates, then adds the demo data (idempotent). This is the only way demo
// accounts get into a PostgreSQL deployment.
import { closeDatabase, getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { stopJobRunner } from "@/lib/jobs/boss";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/system/demo-accounts";
import { DEMO_PAYMENT_WEBHOOK_SECRET } from "@/lib/env";

// The demo top-ups are paid through the sandbox gateway in this process: outside demo mode it needs
// a webhook secret, and the public demo one is fine for demo data.
process.env.PAYMENT_WEBHOOK_SECRET ??= DEMO_PAYMENT_WEBHOOK_SECRET;

const handle = getDatabase();
await migrateDatabase(handle);
const { created } = await seedDemo(handle);
console.log(`Demo data seeded (${handle.kind}): ${created} new account(s). Password for all: ${DEMO_PASSWORD}`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
await stopJobRunner();
await closeDatabase();
