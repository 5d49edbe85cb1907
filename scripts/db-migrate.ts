// `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database).
import { closeDatabase, getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";

const handle = getDatabase();
await migrateDatabase(handle);
console.log(`Migrations applied (${handle.kind}).`);
await closeDatabase();
