import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { createTestUser } from "@/lib/testing/factories";
import { enqueue, stopJobRunner } from "./boss";
import { runHandler, startJobRunner } from "./worker";
import { HANDLERS } from "./handlers";
import { JOBS } from "./registry";
import { heartbeatJob } from "./definitions/system/heartbeat";
import { liveWorkers } from "./heartbeat";
import { listTroubledJobs } from "./admin";
import { defineHandler, defineJob } from "./types";

async function jobCount(name: string): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(await getDb().execute(sql`select count(*) as n from pgboss.job where name = ${name}`));
  return Number(rows[0]?.n ?? 0);
}

describe("job runner (pg-boss on the same database)", () => {
  afterAll(async () => {
    await stopJobRunner();
  });

  it("starts, creates its queues, and a worker's heartbeat makes it live", async () => {
    await startJobRunner({ work: true });
    expect(await liveWorkers()).toBeGreaterThanOrEqual(1);
  });

  it("enqueues in the caller's transaction: rolled back means never enqueued", async () => {
    const before = await jobCount(heartbeatJob.name);
    await getDb()
      .transaction(async (tx) => {
        await enqueue(tx, heartbeatJob, {});
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await jobCount(heartbeatJob.name)).toBe(before);
    await getDb().transaction(async (tx) => {
      await enqueue(tx, heartbeatJob, {});
    });
    expect(await jobCount(heartbeatJob.name)).toBe(before + 1);
  });

  it("validates payloads before a handler runs", async () => {
    const strict = defineJob({
      name: "test.strict",
      version: 1,
      payload: z.object({ n: z.number().int() }),
      retryLimit: 0,
      retryDelaySeconds: 0,
      retryBackoff: false,
    });
    let ran = 0;
    const handler = defineHandler(strict, async () => {
      ran++;
    });
    await expect(runHandler(handler as never, { n: "x" }, { id: "1", name: "test.strict" })).rejects.toThrow();
    expect(ran).toBe(0);
    await runHandler(handler as never, { n: 1 }, { id: "2", name: "test.strict" });
    expect(ran).toBe(1);
  });

  it("has exactly one handler for every job definition, and no handler without one", () => {
    const defined = JOBS.map((j) => j.name).sort();
    expect(HANDLERS.map((h) => h.job.name).sort()).toEqual(defined);
    expect(new Set(defined).size).toBe(defined.length);
    for (const h of HANDLERS) expect(JOBS).toContain(h.job);
  });

  it("shows failed jobs to admins only", async () => {
    const { ctx: admin } = await createTestUser("admin");
    const { ctx: lender } = await createTestUser("lender");
    const result = await listTroubledJobs({ ctx: admin });
    expect(Array.isArray(result.jobs)).toBe(true);
    await expect(listTroubledJobs({ ctx: lender })).rejects.toMatchObject({ status: 403 });
  });
});
