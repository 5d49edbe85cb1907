import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";
import type { TimeJumpHook } from "@/lib/system";

/**
 * `events` is partitioned by range of occurred_at, one partition per UTC month named
 * `events_yYYYYmMM`, plus `events_default` for any row outside them (migration 0016). This creates the
 * partitions from the month of `from` up to `monthsAhead` months after it, if missing. Run at boot, by
 * the daily job `engagement.ensure-event-partitions` and after a time-machine jump (the clock may jump
 * months), so rows normally land in their month's partition and the default stays empty.
 *
 * Each partition is made the way that takes the lightest lock on `events` (SHARE UPDATE EXCLUSIVE, so
 * inserts and reads go on): a standalone table shaped like events with a CHECK of the month's bounds,
 * any rows of that month already in events_default moved into it (same ids, same tx_id: consumers'
 * cursors are unaffected), then ATTACH PARTITION (the CHECK spares PostgreSQL the scan of the new table;
 * the parent's indexes and foreign key are built on it), then the CHECK dropped. All of it in one
 * transaction (a savepoint when `tx` is one already), under an advisory lock, so concurrent runs from
 * several processes create each partition once. See docs/SCALE.md.
 */
export const EVENT_PARTITIONS_LOCK_KEY = 727_016;

const COLUMNS = sql.raw(`id, occurred_at, user_id, anonymous_id, name, properties, context, tx_id`);

export type EventPartitionsResult = { created: string[]; movedRows: number };

/** The partition name and bounds of the UTC month `offset` months after the one containing `at`. */
export function monthPartition(at: Date, offset = 0): { name: string; from: Date; to: Date } {
  const from = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const name = `events_y${String(from.getUTCFullYear()).padStart(4, "0")}m${String(from.getUTCMonth() + 1).padStart(2, "0")}`;
  return { name, from, to };
}

/**
 * `sweepDefault`: also give a partition to every month that has rows in events_default (rows dated
 * before the partitions existed: the demo seed's history, a bulk load), so the default stays empty.
 */
export async function ensureEventPartitions(
  tx: DbOrTx,
  opts: { from: Date; monthsAhead: number; sweepDefault?: boolean },
): Promise<EventPartitionsResult> {
  const monthsAhead = Math.max(0, Math.floor(opts.monthsAhead));
  return tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${EVENT_PARTITIONS_LOCK_KEY})`);
    const existing = new Set(
      rowsOf<{ name: string }>(
        await t.execute(sql`
          select c.relname as name from pg_inherits i
          join pg_class c on c.oid = i.inhrelid
          join pg_class p on p.oid = i.inhparent
          where p.relname = 'events' and p.relnamespace = 'public'::regnamespace`),
      ).map((r) => r.name),
    );
    const months = new Map<string, { name: string; from: Date; to: Date }>();
    for (let k = 0; k <= monthsAhead; k++) {
      const m = monthPartition(opts.from, k);
      months.set(m.name, m);
    }
    if (opts.sweepDefault) {
      const found = rowsOf<{ month: string }>(
        await t.execute(sql`
          select distinct to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM') as month
          from events_default`),
      );
      for (const { month } of found) {
        const m = monthPartition(new Date(`${month}-01T00:00:00Z`));
        months.set(m.name, m);
      }
    }
    const result: EventPartitionsResult = { created: [], movedRows: 0 };
    for (const { name, from, to } of [...months.values()].sort((a, b) => a.from.getTime() - b.from.getTime())) {
      if (existing.has(name)) continue;
      // Identifiers and bounds come from integers and toISOString(), never from input.
      const table = sql.raw(`"${name}"`);
      const check = sql.raw(`"${name}_bounds"`);
      const lo = sql.raw(`'${from.toISOString()}'`);
      const hi = sql.raw(`'${to.toISOString()}'`);
      await t.execute(sql`create table ${table} (like events including defaults)`);
      await t.execute(sql`alter table ${table} add constraint ${check}
        check (occurred_at is not null and occurred_at >= ${lo}::timestamptz and occurred_at < ${hi}::timestamptz)`);
      const moved = rowsOf<{ n: number | string | bigint }>(
        await t.execute(sql`
          with moved as (
            delete from events_default
            where occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz
            returning ${COLUMNS}
          ), ins as (
            insert into ${table} (${COLUMNS}) select ${COLUMNS} from moved returning 1
          )
          select count(*) as n from ins`),
      );
      await t.execute(sql`alter table events attach partition ${table} for values from (${lo}) to (${hi})`);
      await t.execute(sql`alter table ${table} drop constraint ${check}`);
      result.created.push(name);
      result.movedRows += Number(moved[0]?.n ?? 0);
    }
    return result;
  });
}

/** How far ahead partitions are kept: this month and the next two. */
export const EVENT_PARTITION_MONTHS_AHEAD = 2;

/**
 * Boot and the daily job: this month and EVENT_PARTITION_MONTHS_AHEAD after it by the clock (the time
 * machine's included), plus a partition for every month the default partition holds rows of.
 */
export async function ensureCurrentEventPartitions(db: DbOrTx): Promise<EventPartitionsResult> {
  return ensureEventPartitions(db, { from: now(), monthsAhead: EVENT_PARTITION_MONTHS_AHEAD, sweepDefault: true });
}

/** Whole UTC months from the month of `a` to the month of `b` (0 when the same month). */
export function monthsBetween(a: Date, b: Date): number {
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

/**
 * After a time-machine jump (possibly months): every month the jump crossed (catch-up jobs may write
 * events dated inside it) up to EVENT_PARTITION_MONTHS_AHEAD after the new clock gets its partition,
 * and rows the default partition caught meanwhile move into theirs. In the jump's transaction.
 */
export const eventPartitionsTimeJump: TimeJumpHook = {
  area: "engagement.event-partitions",
  catchUp: async (tx, { from, to }) => {
    // A jump of years gets the months from the new clock on only (the default partition keeps the rest).
    const crossed = monthsBetween(from, to);
    const start = crossed < 0 || crossed > 24 ? to : from;
    await ensureEventPartitions(tx, {
      from: start,
      monthsAhead: monthsBetween(start, to) + EVENT_PARTITION_MONTHS_AHEAD,
    });
  },
};
