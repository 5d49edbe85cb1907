import { describe, expect, it } from "vitest";
import { stopJobRunner } from "@/lib/jobs/boss";
import { startJobRunner } from "@/lib/jobs/worker";
import { testDatabaseKind } from "@/lib/testing/db";
import { checkHealth } from "./health";

describe("health", () => {
  it("names the job runner as the failing part while no worker has a fresh heartbeat", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "degraded", database: testDatabaseKind(), databaseOk: true, jobs: "down", failing: "jobs" });
  });

  it("is ok once a worker runs", async () => {
    await startJobRunner({ work: true });
    expect(await checkHealth()).toMatchObject({ status: "ok", jobs: "running" });
    await stopJobRunner();
  });
});
