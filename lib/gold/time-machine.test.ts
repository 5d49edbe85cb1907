import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { goldRecurringRuns } from "@/db/schema";
import { setClockOffsetMs, setNow } from "@/lib/clock";
import { resetEnvForTests } from "@/lib/env";
import { startJobQueue } from "@/lib/jobs/boss";
import { runRecurringGoldBuysHandler } from "@/lib/jobs/definitions/gold/run-recurring-buys.handler";
import { advanceClock } from "@/lib/system/time-machine";
import { createTestUser } from "@/lib/testing/factories";
import { createRecurringPlan } from ".";
import { expectLedgerHealthy, goldLender } from "./test-helpers";

/** The admin time machine jumps 35 days: it enqueues the recurring-buy job, whose run catches up. */
describe("recurring buys and the time machine", () => {
  beforeAll(async () => {
    await startJobQueue();
    process.env.DEMO_MODE = "true";
    resetEnvForTests();
    setNow(null);
  });
  afterAll(() => setClockOffsetMs(0));

  it("a 35-day jump enqueues gold.recurring-buys and the job buys once per missed day", async () => {
    const { ctx } = await goldLender(10_000_000n);
    const plan = await createRecurringPlan({ ctx, input: { amount: "25000", frequency: "daily", hour: 12 } });
    const admin = await createTestUser("admin");
    await advanceClock({ ctx: admin.ctx, input: { amount: 35, unit: "days" } });
    const queued = rowsOf<{ n: number | string }>(await getDb().execute(sql`select count(*)::int as n from pgboss.job where name = 'gold.recurring-buys'`));
    expect(Number(queued[0]!.n)).toBeGreaterThanOrEqual(1);
    await runRecurringGoldBuysHandler.run({}, { id: "test", name: runRecurringGoldBuysHandler.job.name });
    const runs = await getDb().select().from(goldRecurringRuns).where(eq(goldRecurringRuns.planId, plan.id));
    // 35 days from an arbitrary hour of the day: 35 scheduled noons, give or take the first one.
    expect(runs.length).toBeGreaterThanOrEqual(34);
    expect(runs.length).toBeLessThanOrEqual(36);
    expect(runs.every((r) => r.outcome === "bought")).toBe(true);
    await expectLedgerHealthy();
  });
});
