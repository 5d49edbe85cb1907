import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { events } from "@/db/schema";
import { createTestUser } from "@/lib/testing/factories";
import { setNow } from "@/lib/clock";
import {
  ensureCurrentEventPartitions,
  ensureEventPartitions,
  eventPartitionsTimeJump,
  monthPartition,
  monthsBetween,
} from "./partitions";

/** Raw rows (not track(): this is about where rows land, not about the catalogue's properties). */
async function insertAt(db: DbOrTx, userId: string, occurredAt: Date): Promise<void> {
  await db.insert(events).values({ name: "partition_test", userId, occurredAt });
}

async function partitionOf(): Promise<{ id: bigint; part: string; tx: bigint }[]> {
  return rowsOf<{ id: bigint; part: string; tx: bigint }>(
    await getDb().execute(sql`select id, tableoid::regclass::text as part, tx_id as tx from events order by id`),
  );
}

async function partitions(): Promise<string[]> {
  return rowsOf<{ name: string }>(
    await getDb().execute(sql`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass order by 1`),
  ).map((r) => r.name);
}


describe("monthPartition", () => {
  it("names UTC months and their bounds, across a year end", () => {
    expect(monthPartition(new Date("2026-12-31T23:59:59Z"))).toEqual({
      name: "events_y2026m12",
      from: new Date("2026-12-01T00:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
    expect(monthPartition(new Date("2026-12-03T10:00:00Z"), 2).name).toBe("events_y2027m02");
    expect(monthsBetween(new Date("2026-11-30T00:00:00Z"), new Date("2027-02-01T00:00:00Z"))).toBe(3);
  });
});

describe("ensureEventPartitions", () => {
  it("creates the months ahead, moves rows the default partition caught, and is idempotent", async () => {
    const { user } = await createTestUser("lender");
    // Rows written before any partition of their month exists land in events_default.
    await getDb().transaction(async (tx) => {
      await insertAt(tx, user.id, new Date("2030-01-10T00:00:00Z"));
      await insertAt(tx, user.id, new Date("2030-02-28T23:59:59.999Z"));
      await insertAt(tx, user.id, new Date("2030-03-01T00:00:00Z"));
      await insertAt(tx, user.id, new Date("2031-06-01T00:00:00Z"));
    });
    const before = (await partitionOf()).filter((r) => r.part === "events_default");
    expect(before.length).toBe(4);

    const first = await getDb().transaction((tx) =>
      ensureEventPartitions(tx, { from: new Date("2030-01-20T00:00:00Z"), monthsAhead: 2 }),
    );
    expect(first.created).toEqual(["events_y2030m01", "events_y2030m02", "events_y2030m03"]);
    expect(first.movedRows).toBe(3);

    const after = await partitionOf();
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(before.map((r) => byId.get(r.id)?.part)).toEqual([
      "events_y2030m01",
      "events_y2030m02",
      "events_y2030m03",
      "events_default",
    ]);
    // The moved rows keep their transaction id: a consumer's cursor neither re-reads nor skips them.
    expect(before.map((r) => byId.get(r.id)?.tx)).toEqual(before.map((r) => r.tx));

    // The parent's indexes were built on the new partitions (pk, user/time, name/time, anonymous, tx).
    const idx = rowsOf<{ n: number }>(
      await getDb().execute(sql`select count(*)::int as n from pg_index where indrelid = 'events_y2030m02'::regclass`),
    );
    expect(idx[0]?.n).toBe(5);
    // No leftover CHECK: the partition bound is the constraint.
    const checks = rowsOf<{ n: number }>(
      await getDb().execute(sql`select count(*)::int as n from pg_constraint where conrelid = 'events_y2030m02'::regclass and contype = 'c'`),
    );
    expect(checks[0]?.n).toBe(0);

    const again = await getDb().transaction((tx) =>
      ensureEventPartitions(tx, { from: new Date("2030-01-20T00:00:00Z"), monthsAhead: 2 }),
    );
    expect(again).toEqual({ created: [], movedRows: 0 });

    // New rows of a month with a partition are routed to it.
    await getDb().transaction((tx) =>
      insertAt(tx, user.id, new Date("2030-02-01T00:00:00Z")),
    );
    expect((await partitionOf()).at(-1)?.part).toBe("events_y2030m02");
  });

  it("runs concurrently without creating a month twice", async () => {
    const from = new Date("2032-05-05T00:00:00Z");
    const results = await Promise.all(
      [0, 1, 2].map(() => getDb().transaction((tx) => ensureEventPartitions(tx, { from, monthsAhead: 1 }))),
    );
    expect(results.flatMap((r) => r.created).sort()).toEqual(["events_y2032m05", "events_y2032m06"]);
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await ensureEventPartitions(tx, { from: new Date("2033-01-01T00:00:00Z"), monthsAhead: 0 });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await partitions()).not.toContain("events_y2033m01");
  });

  it("the time-machine hook covers the months a jump crossed and those ahead of the new clock", async () => {
    await getDb().transaction((tx) =>
      eventPartitionsTimeJump.catchUp(tx, { from: new Date("2034-11-20T00:00:00Z"), to: new Date("2035-02-03T00:00:00Z") }),
    );
    const names = await partitions();
    for (const m of ["2034m11", "2034m12", "2035m01", "2035m02", "2035m03", "2035m04"]) {
      expect(names).toContain(`events_y${m}`);
    }
    expect(names).not.toContain("events_y2035m05");
  });

  it("by the clock: this month and two ahead, plus every month the default partition holds rows of", async () => {
    const { user } = await createTestUser("lender");
    await getDb().transaction((tx) =>
      insertAt(tx, user.id, new Date("2020-07-04T00:00:00Z")),
    );
    setNow("2040-12-15T00:00:00Z");
    try {
      const r = await ensureCurrentEventPartitions(getDb());
      // 2031-06 holds the row the first test left in the default partition.
      expect(r.created).toEqual(["events_y2020m07", "events_y2031m06", "events_y2040m12", "events_y2041m01", "events_y2041m02"]);
      expect(r.movedRows).toBe(2);
      const left = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from events_default`));
      expect(left[0]?.n).toBe(0);
    } finally {
      setNow(null);
    }
  });
});
