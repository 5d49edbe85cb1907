import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { startJobQueue } from "@/lib/jobs/boss";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { randomUUID } from "node:crypto";
import { adminAuditLog, events, settings } from "@/db/schema";
import { getClockOffsetMs, now, setClockOffsetMs, setNow } from "@/lib/clock";
import { anonymousCtx } from "@/lib/context";
import { createTestUser } from "@/lib/testing/factories";
import { advanceClock, jumpMs } from "./time-machine";
import { CLOCK_OFFSET_KEY, offsetFromSetting, syncClock } from "./internal/time-machine";
import { AdvanceClockInput } from "./schemas";

const DAY = 86_400_000;

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

describe("time-machine arithmetic and double submits", () => {
  beforeAll(async () => {
    await startJobQueue();
    process.env.DEMO_MODE = "true";
    resetEnvForTests();
  });

  const storedOffset = async () => offsetFromSetting((await getDb().select().from(settings).where(eq(settings.key, CLOCK_OFFSET_KEY)))[0]?.value);

  it("adds numbers, never strings: the form's text, a stored string offset and the jump size", async () => {
    setNow(null);
    // The form sends what the field holds; the schema makes it a number before any arithmetic.
    expect(AdvanceClockInput.parse({ amount: "24", unit: "days" }).amount).toBe(24);
    expect(jumpMs(24, "days")).toBe(24 * DAY);
    expect(jumpMs(24, "hours")).toBe(24 * 3_600_000);
    expect(() => jumpMs("24" as unknown as number, "days")).toThrow(TypeError);
    expect(offsetFromSetting("86400000")).toBe(DAY);
    expect(offsetFromSetting(DAY)).toBe(DAY);
    expect(offsetFromSetting("1e3")).toBe(0);
    expect(offsetFromSetting(null)).toBe(0);
    // An offset stored as a JSON string (1 day) plus "+24 days" is 25 days, not "86400000" + "2073600000".
    await getDb().update(settings).set({ value: String(DAY) }).where(eq(settings.key, CLOCK_OFFSET_KEY));
    const { ctx } = await createTestUser("admin");
    await advanceClock({ ctx, input: { amount: "24", unit: "days" } });
    expect(await storedOffset()).toBe(25 * DAY);
    expect(getClockOffsetMs()).toBe(25 * DAY);
  });

  it("the same request submitted twice at once moves the clock once", async () => {
    setNow(null);
    const { ctx } = await createTestUser("admin");
    const start = await storedOffset();
    const requestId = randomUUID();
    const input = { amount: 24, unit: "days", requestId };
    const [a, b] = await Promise.all([advanceClock({ ctx, input }), advanceClock({ ctx, input })]);
    expect(await storedOffset()).toBe(start + 24 * DAY);
    expect(Math.abs(a.getTime() - b.getTime())).toBeLessThan(60_000);
    // And again later (a retry after a lost response): still once.
    await advanceClock({ ctx, input });
    expect(await storedOffset()).toBe(start + 24 * DAY);
    const audits = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.action, "clock.advanced"));
    expect(audits.filter((r) => (r.details as { requestId?: string } | null)?.requestId === requestId)).toHaveLength(1);
  });

  it("two different jumps at once are serialised: each adds to what the other committed", async () => {
    setNow(null);
    const { ctx } = await createTestUser("admin");
    const start = await storedOffset();
    await Promise.all([
      advanceClock({ ctx, input: { amount: 1, unit: "days", requestId: randomUUID() } }),
      advanceClock({ ctx, input: { amount: 2, unit: "hours", requestId: randomUUID() } }),
    ]);
    expect(await storedOffset()).toBe(start + DAY + 2 * 3_600_000);
    expect(getClockOffsetMs()).toBe(start + DAY + 2 * 3_600_000);
    await expect(advanceClock({ ctx, input: { amount: 1, unit: "days", requestId: "not-a-uuid" } })).rejects.toMatchObject({ status: 400 });
    setClockOffsetMs(0);
  });
});
