// `npm run worker`: a process that only runs background jobs, for deployments with several web and
// worker processes on one PostgreSQL. The embedded database allows one process, so there the job
// runner lives inside `npm start` instead.
import { closeDatabase } from "@/db";
import { demoOnPostgresWarning, env } from "@/lib/env";
import { stopJobRunner } from "@/lib/jobs/boss";
import { startJobRunner } from "@/lib/jobs/worker";
import { workerId } from "@/lib/jobs/heartbeat";
import { prepareDatabase } from "@/lib/system/boot";

if (env().databaseKind !== "postgres") {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database, `npm start` runs the jobs itself.");
  process.exit(1);
}
const demoWarning = demoOnPostgresWarning();
if (demoWarning) console.error(demoWarning);
await prepareDatabase();
await startJobRunner({ work: true });
console.log(`Lumbung worker ${workerId()} is running jobs.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing running jobs…`);
  await stopJobRunner();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
