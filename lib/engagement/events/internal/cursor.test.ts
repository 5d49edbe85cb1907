import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { eventCursors, events } from "@/db/schema";
import { testDatabaseKind } from "@/lib/testing/db";
import { drainEvents, waitForEventWatermark, type DrainedEvent } from "./cursor";

/** Test events carry a run marker, so each test looks only at its own rows. */
async function insertEvents(db: DbOrTx, run: string, count: number, tag = ""): Promise<bigint[]> {
  const rows = await db
    .insert(events)
    .values(
      Array.from({ length: count }, (_, i) => ({
        name: "cursor_test",
        occurredAt: new Date(Date.UTC(2026, i % 3, 5)),
        properties: { run, tag, i },
      })),
    )
    .returning({ id: events.id });
  return rows.map((r) => r.id);
}

function ofRun(run: string, list: DrainedEvent[]): DrainedEvent[] {
  return list.filter((e) => e.properties.run === run);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another database's open writing transaction on a shared server can hold the watermark back (cursor.ts). */
async function watermarkPast(): Promise<void> {
  if (!(await waitForEventWatermark(getDb(), { timeoutMs: 45_000 }))) {
    throw new Error("the snapshot watermark did not pass the test's events within 45 s");
  }
}

/** Drains a consumer to the end (what other tests left behind), so a test starts from "nothing new". */
async function catchUp(consumer: string): Promise<void> {
  await watermarkPast();
  while ((await drainEvents(consumer, { limit: 1000 }, async () => {})) > 0);
}

describe("drainEvents", () => {
  it("delivers in commit order, in batches of the limit, and resumes after the cursor", async () => {
    const consumer = `basic-${crypto.randomUUID()}`;
    await catchUp(consumer);
    const run = crypto.randomUUID();
    const a = await getDb().transaction((tx) => insertEvents(tx, run, 3, "a"));
    const b = await getDb().transaction((tx) => insertEvents(tx, run, 2, "b"));
    await watermarkPast();

    const batches: bigint[][] = [];
    const collect = async (_tx: unknown, list: DrainedEvent[]) => {
      batches.push(ofRun(run, list).map((e) => e.id));
    };
    expect(await drainEvents(consumer, { limit: 2 }, collect)).toBe(2);
    expect(await drainEvents(consumer, { limit: 2 }, collect)).toBe(2);
    expect(await drainEvents(consumer, { limit: 2 }, collect)).toBe(1);
    expect(batches).toEqual([a.slice(0, 2), [a[2], b[0]], [b[1]]]);

    // Nothing new: 0, fn not called, cursor where it was.
    let called = false;
    expect(await drainEvents(consumer, { limit: 2 }, async () => void (called = true))).toBe(0);
    expect(called).toBe(false);
    const [cursor] = await getDb().select().from(eventCursors).where(eq(eventCursors.consumer, consumer));
    expect(cursor?.eventId).toBe(b[1]);

    // Resume: only what committed since.
    const c = await getDb().transaction((tx) => insertEvents(tx, run, 1, "c"));
    await watermarkPast();
    batches.length = 0;
    expect(await drainEvents(consumer, { limit: 10 }, collect)).toBe(1);
    expect(batches).toEqual([c]);
  });

  it("hands over the event fields, and never the events the consumer's own transaction writes", async () => {
    const consumer = `own-${crypto.randomUUID()}`;
    await catchUp(consumer);
    const run = crypto.randomUUID();
    const [first] = await getDb().transaction((tx) => insertEvents(tx, run, 1, "first"));
    await watermarkPast();
    let written: bigint[] = [];
    const seen: DrainedEvent[] = [];
    await drainEvents(consumer, { limit: 10 }, async (tx, list) => {
      seen.push(...ofRun(run, list));
      written = await insertEvents(tx, run, 2, "by-consumer");
      // Visible to the consumer's own transaction, yet not part of the batch.
      const again = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from events where properties->>'run' = ${run}`),
      );
      expect(again[0]?.n).toBe(3);
    });
    expect(seen).toEqual([
      {
        id: first,
        name: "cursor_test",
        userId: null,
        anonymousId: null,
        occurredAt: new Date(Date.UTC(2026, 0, 5)),
        properties: { run, tag: "first", i: 0 },
      },
    ]);
    await watermarkPast();
    const next: bigint[] = [];
    await drainEvents(consumer, { limit: 10 }, async (_tx, list) => void next.push(...ofRun(run, list).map((e) => e.id)));
    expect(next).toEqual(written);
  });

  it("rolls the cursor back with a crash inside fn: the same events are delivered again", async () => {
    const consumer = `crash-${crypto.randomUUID()}`;
    await catchUp(consumer);
    const run = crypto.randomUUID();
    const ids = await getDb().transaction((tx) => insertEvents(tx, run, 3));
    await watermarkPast();
    let sideEffect = "";
    await expect(
      drainEvents(consumer, { limit: 10 }, async (tx) => {
        await insertEvents(tx, run, 1, "side-effect");
        sideEffect = "written";
        throw new Error("consumer crashed");
      }),
    ).rejects.toThrow("consumer crashed");
    expect(sideEffect).toBe("written");
    // The consumer's writes rolled back with the cursor.
    const left = rowsOf<{ n: number }>(
      await getDb().execute(sql`select count(*)::int as n from events where properties->>'tag' = 'side-effect' and properties->>'run' = ${run}`),
    );
    expect(left[0]?.n).toBe(0);
    const again: bigint[] = [];
    await drainEvents(consumer, { limit: 10 }, async (_tx, list) => void again.push(...ofRun(run, list).map((e) => e.id)));
    expect(again).toEqual(ids);
  });

  it.runIf(testDatabaseKind() === "postgres")(
    "under concurrent writers committing out of id order, delivers every committed event exactly once (PostgreSQL)",
    async () => {
      const consumer = `concurrent-${crypto.randomUUID()}`;
      await catchUp(consumer);
      const run = crypto.randomUUID();
      const committed: bigint[] = [];
      const delivered: bigint[] = [];

      // Writers: each opens a transaction, inserts, waits a random while (others commit meanwhile),
      // maybe inserts again, then commits — or rolls back (every 7th). Two slow ones take low ids first
      // and commit last, the case that makes `id > last` skip.
      const writer = async (w: number, delayMs: number) => {
        try {
          await getDb().transaction(async (tx) => {
            const ids = await insertEvents(tx, run, 1 + (w % 3), `w${w}`);
            await sleep(delayMs);
            if (w % 2 === 0) ids.push(...(await insertEvents(tx, run, 1, `w${w}-late`)));
            if (w % 7 === 6) throw new Error("rollback");
            return ids;
          }).then((ids) => committed.push(...ids));
        } catch (e) {
          if (!(e instanceof Error) || e.message !== "rollback") throw e;
        }
      };
      let writing = true;
      const drain = () =>
        drainEvents(consumer, { limit: 7 }, async (_tx, list) => {
          delivered.push(...ofRun(run, list).map((e) => e.id));
        });
      const drainer = (async () => {
        while (writing) if ((await drain()) === 0) await sleep(3);
        // Writers done: once the watermark has passed them, drain to the end.
        await watermarkPast();
        while ((await drain()) > 0);
      })();

      const slow = [writer(1000, 600), writer(1002, 450)];
      await sleep(20);
      const waves = 6;
      for (let wave = 0; wave < waves; wave++) {
        await Promise.all(Array.from({ length: 12 }, (_, k) => writer(wave * 12 + k, Math.floor(Math.random() * 40))));
      }
      await Promise.all(slow);
      writing = false;
      await drainer;

      expect(new Set(delivered).size).toBe(delivered.length); // exactly once
      expect([...delivered].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(
        [...committed].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
      ); // none skipped, none from a rolled-back transaction
      const stored = rowsOf<{ n: number }>(
        await getDb().execute(sql`select count(*)::int as n from events where properties->>'run' = ${run}`),
      );
      expect(stored[0]?.n).toBe(committed.length);
      // The race really happened: some event was delivered after one with a higher id.
      const outOfIdOrder = delivered.some((id, i) => i > 0 && id < delivered[i - 1]!);
      expect(outOfIdOrder).toBe(true);
    },
  );
  it.skipIf(testDatabaseKind() === "postgres")(
    "concurrent writers: skipped on PGlite (one connection never overlaps transactions, so only PostgreSQL can commit out of id order)",
    () => {},
  );
});
