import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { startJobQueue } from "@/lib/jobs/boss";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog, events } from "@/db/schema";
import { getClockOffsetMs, now, setClockOffsetMs, setNow } from "@/lib/clock";
import { anonymousCtx } from "@/lib/context";
import { createTestUser } from "@/lib/testing/factories";
import { advanceClock } from "./time-machine";
import { syncClock } from "./internal/time-machine";

describe("clock and time machine", () => {
  beforeAll(async () => {
    // advanceClock enqueues the servicing job: the job runner must be started outside any transaction.
    await startJobQueue();
    // The time machine exists in demo mode only (the default on PGlite, opt-in on PostgreSQL).
    process.env.DEMO_MODE = "true";
    resetEnvForTests();
  });

  it("setNow pins the clock for tests", () => {
    setNow("2030-01-01T00:00:00Z");
    expect(now().toISOString()).toBe("2030-01-01T00:00:00.000Z");
    setNow(null);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000 + Math.abs(getClockOffsetMs()));
  });

  it("moves every process's clock forward through the database, records who did it", async () => {
    setNow(null);
    const { ctx, user } = await createTestUser("admin");
    const before = Date.now();
    const to = await advanceClock({ ctx, input: { amount: 3, unit: "days" } });
    expect(to.getTime() - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    // Another process starts with no offset and learns it from the database.
    setClockOffsetMs(0);
    await syncClock(getDb(), true);
    expect(getClockOffsetMs()).toBe(3 * 86_400_000);
    const [audit] = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.adminId, user.id));
    expect(audit?.action).toBe("clock.advanced");
    const [event] = await getDb().select().from(events).where(eq(events.name, "clock_advanced"));
    expect(event?.userId).toBe(user.id);
    setClockOffsetMs(0);
  });

  it("is for admins only and refuses bad amounts with field errors", async () => {
    const { ctx: lender } = await createTestUser("lender");
    await expect(advanceClock({ ctx: lender, input: { amount: 1, unit: "days" } })).rejects.toMatchObject({ status: 403 });
    await expect(advanceClock({ ctx: anonymousCtx(), input: { amount: 1, unit: "days" } })).rejects.toMatchObject({ status: 401 });
    const { ctx: admin } = await createTestUser("admin");
    for (const amount of [0, -1, 1.5, "abc", 99999]) {
      await expect(advanceClock({ ctx: admin, input: { amount, unit: "days" } })).rejects.toMatchObject({ status: 400, fields: { amount: expect.any(String) } });
    }
    await expect(advanceClock({ ctx: admin, input: { amount: 1, unit: "years" } })).rejects.toMatchObject({ status: 400 });
  });

  it("does not exist outside demo mode", async () => {
    process.env.DEMO_MODE = "false";
    resetEnvForTests();
    const { ctx: admin } = await createTestUser("admin");
    await expect(advanceClock({ ctx: admin, input: { amount: 1, unit: "days" } })).rejects.toMatchObject({ status: 403 });
    process.env.DEMO_MODE = "true";
    resetEnvForTests();
  });
});
