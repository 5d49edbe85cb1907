import { beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { SEEDED_SEGMENTS } from "@/db/seed/segments";
import { setNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { waitForEventWatermark } from "@/lib/engagement/events/internal/cursor";
import { trackMany } from "@/lib/engagement/internal/track";
import { refreshTraits } from "@/lib/engagement/profiles/internal/refresh-traits";
import { createTestUser } from "@/lib/testing/factories";
import { processSegmentEvents } from "../refresh";
import { createSegment } from "../create";

/** The incremental refresh with the real trait refresh: the profile it reads is brought up to date first. */
describe("incremental refresh with traits", () => {
  beforeEach(() => setNow("2026-12-01T03:00:00Z"));

  it("a new lender's top-up: profile refreshed, then 'topped up, never invested' entered once", async () => {
    const seeded = SEEDED_SEGMENTS.find((s) => s.key === "topped_up_not_invested")!;
    const { id } = await createSegment({ ctx: systemCtx("test"), input: { key: seeded.key, name: seeded.name, description: seeded.description, rule: seeded.rule } });
    const { user } = await createTestUser("lender");
    await getDb().transaction((tx) => refreshTraits(tx, {}));
    const drain = async () => {
      await waitForEventWatermark(getDb(), { timeoutMs: 60_000 });
      return processSegmentEvents({ ctx: systemCtx("test") });
    };
    await drain();
    const isIn = async () =>
      rowsOf(await getDb().execute(sql`select 1 from segment_members where segment_id = ${id}::uuid and user_id = ${user.id}::uuid`)).length === 1;
    expect(await isIn()).toBe(false);

    await getDb().transaction((tx) =>
      trackMany(tx, [{ name: "topup_paid", userId: user.id, properties: { topUpId: crypto.randomUUID(), amount: "2000000", method: "va", bank: "BCA" } }]),
    );
    await drain();
    expect(await isIn()).toBe(true);
    await drain();
    const entered = rowsOf(
      await getDb().execute(sql`select 1 from events where name = 'segment_entered' and user_id = ${user.id}::uuid and properties->>'segmentId' = ${id}`),
    );
    expect(entered).toHaveLength(1);
    const [profile] = rowsOf<{ role: string }>(await getDb().execute(sql`select role from profiles where user_id = ${user.id}::uuid`));
    expect(profile?.role).toBe("lender");
  });
});
