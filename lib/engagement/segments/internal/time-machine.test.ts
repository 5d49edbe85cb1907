import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { segments } from "@/db/schema";
import { now, setClockOffsetMs, setNow } from "@/lib/clock";
import { resetEnvForTests } from "@/lib/env";
import { trackMany } from "@/lib/engagement/internal/track";
import { startJobQueue } from "@/lib/jobs/boss";
import { refreshSegmentsHandler } from "@/lib/jobs/definitions/engagement/refresh-segments.handler";
import { advanceClock } from "@/lib/system/time-machine";
import { createTestUser } from "@/lib/testing/factories";
import { analyzeRule } from "../compile";
import type { SegmentRule } from "../definition";
import { refreshMembership } from "./refresh-membership";

/** "Topped up in the last 7 days" across a time-machine jump of 8 days: the jump's refresh lets the lender out. */
describe("relative windows and the time machine", () => {
  beforeAll(async () => {
    await startJobQueue();
    process.env.DEMO_MODE = "true";
    resetEnvForTests();
    setNow(null);
  });
  afterAll(() => setClockOffsetMs(0));

  it("an 8-day jump enqueues engagement.refresh-segments (all) and its run moves the lender out", async () => {
    const rule: SegmentRule = { type: "group", op: "and", rules: [{ type: "event", event: "topup_paid", op: "at_least", count: 1, withinDays: 7, where: [] }] };
    const a = analyzeRule(rule);
    expect(a.timeRelative).toBe(true);
    const [seg] = await getDb()
      .insert(segments)
      .values({ key: "tm_week", name: "Topped up this week", rule, eventNames: a.eventNames, fields: a.fields, dependsOn: a.dependsOn, timeRelative: a.timeRelative, createdAt: now(), updatedAt: now() })
      .returning({ id: segments.id });
    const { user } = await createTestUser("lender");
    await getDb().transaction((tx) => trackMany(tx, [{ name: "topup_paid", userId: user.id, properties: { topUpId: crypto.randomUUID(), amount: "100000", method: "va", bank: "BCA" } }]));
    await getDb().transaction((tx) => refreshMembership(tx, { segmentIds: [seg!.id] }));
    const isMember = async () =>
      rowsOf(await getDb().execute(sql`select 1 from segment_members where segment_id = ${seg!.id}::uuid and user_id = ${user.id}::uuid`)).length === 1;
    expect(await isMember()).toBe(true);

    const admin = await createTestUser("admin");
    await advanceClock({ ctx: admin.ctx, input: { amount: 8, unit: "days" } });
    const queued = rowsOf<{ data: unknown }>(await getDb().execute(sql`select data from pgboss.job where name = 'engagement.refresh-segments'`));
    expect(queued.map((j) => (typeof j.data === "string" ? JSON.parse(j.data) : j.data))).toContainEqual({ scope: "all" });

    await refreshSegmentsHandler.run({ scope: "all" }, { id: "test", name: refreshSegmentsHandler.job.name });
    expect(await isMember()).toBe(false);
    const exited = rowsOf(
      await getDb().execute(sql`select 1 from events where name = 'segment_exited' and user_id = ${user.id}::uuid and properties->>'segmentId' = ${seg!.id}`),
    );
    expect(exited).toHaveLength(1);
    // Run again: nothing changes, nothing recorded twice.
    await refreshSegmentsHandler.run({ scope: "all" }, { id: "test2", name: refreshSegmentsHandler.job.name });
    expect(rowsOf(await getDb().execute(sql`select 1 from events where name = 'segment_exited' and user_id = ${user.id}::uuid`))).toHaveLength(1);
  });
});
