import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db";
import { liveWorkers } from "@/lib/jobs/heartbeat";
import { jobRunnerState } from "@/lib/jobs/boss";

export type Health = {
  status: "ok" | "degraded";
  database: "pglite" | "postgres";
  databaseOk: boolean;
  jobs: "running" | "down";
  failing?: "database" | "jobs";
  detail?: string;
};

/**
 * Health for load balancers and operators. The job runner counts as running when some worker's
 * heartbeat is fresh (any process's, so a web-only process on PostgreSQL reports its workers).
 */
export async function checkHealth(): Promise<Health> {
  const handle = getDatabase();
  try {
    await handle.db.execute(sql`select 1`);
  } catch (e) {
    return { status: "degraded", database: handle.kind, databaseOk: false, jobs: "down", failing: "database", detail: String(e) };
  }
  const workers = await liveWorkers().catch(() => 0);
  const runner = jobRunnerState();
  const jobsOk = workers > 0 && (runner.started || handle.kind === "postgres");
  return {
    status: jobsOk ? "ok" : "degraded",
    database: handle.kind,
    databaseOk: true,
    jobs: jobsOk ? "running" : "down",
    ...(jobsOk ? {} : { failing: "jobs" as const, detail: "no job runner heartbeat in the last 150 seconds" }),
  };
}
