import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { uuidArray } from "@/db/sql-arrays";
import { now } from "@/lib/clock";
import { logger } from "@/lib/logger";
import { compileSegment } from "../compile";
import { SegmentRule } from "../definition";
import { orderByDependency, type SegmentNode } from "./dependency-order";

type SegmentToRefresh = SegmentNode & { key: string | null; rule: unknown; version: number };

export type RefreshResult = { entered: number; exited: number };

/**
 * Brings stored membership (segment_members) in line with each segment's compiled rule: for every active
 * segment listed (all when `segmentIds` is absent) plus every segment that depends on one of them
 * (membership of a segment is a condition too), in dependency order so a nested segment sees the
 * membership its inner segment just got. One statement per segment diffs the stored members against
 * the compiled query, inserts the new members, deletes the leavers and records a `segment_entered` /
 * `segment_exited` event for each (journeys trigger on them; the segments consumer of the event stream
 * sees them too and re-evaluates dependents for those users, a pass that changes nothing when this
 * refresh already did). With `userIds` only those users are evaluated and only their rows change.
 * `expandDependents: false` refreshes exactly the segments listed (the scheduled refresh walks the
 * dependency order itself, one transaction per segment).
 *
 * The segments refreshed are locked (row lock, in id order) for the rest of the transaction, so two
 * refreshes of one segment (the incremental job and the scheduled one) run one after the other and
 * member_count stays exact. The clock is the app's now(), never the database's.
 */
export async function refreshMembership(
  tx: DbOrTx,
  opts: { segmentIds?: string[]; userIds?: string[]; expandDependents?: boolean },
): Promise<RefreshResult> {
  if (opts.segmentIds && opts.segmentIds.length === 0) return { entered: 0, exited: 0 };
  if (opts.userIds && opts.userIds.length === 0) return { entered: 0, exited: 0 };
  const userIds = opts.userIds ? [...new Set(opts.userIds)] : undefined;
  const at = now();

  const all = rowsOf<{ id: string; depends_on: string[] | string | null }>(
    await tx.execute(sql`select id::text as id, depends_on::text[] as depends_on from segments where status = 'active'`),
  ).map((r) => ({ id: r.id, dependsOn: pgTextArray(r.depends_on) }));
  const ordered =
    opts.expandDependents === false && opts.segmentIds
      ? orderByDependency(all.filter((s) => opts.segmentIds!.includes(s.id)), opts.segmentIds)
      : orderByDependency(all, opts.segmentIds);
  if (ordered.length === 0) return { entered: 0, exited: 0 };

  const locked = rowsOf<{ id: string; key: string | null; rule: unknown; version: number }>(
    await tx.execute(sql`
      select id::text as id, key, rule, version from segments
      where id = any(${uuidArray(ordered.map((s) => s.id))}) and status = 'active'
      order by id for no key update`),
  );
  const byId = new Map(locked.map((r) => [r.id, r]));
  const result: RefreshResult = { entered: 0, exited: 0 };
  for (const node of ordered) {
    const row = byId.get(node.id);
    if (!row) continue; // archived meanwhile
    const one = await refreshOne(tx, { ...node, key: row.key, rule: typeof row.rule === "string" ? JSON.parse(row.rule) : row.rule, version: Number(row.version) }, at, userIds);
    result.entered += one.entered;
    result.exited += one.exited;
  }
  return result;
}

async function refreshOne(tx: DbOrTx, segment: SegmentToRefresh, at: Date, userIds: string[] | undefined): Promise<RefreshResult> {
  const parsed = SegmentRule.safeParse(segment.rule);
  if (!parsed.success) {
    // Saved rules are validated when saved; a rule an older schema accepted is skipped, not fatal.
    logger.warn("segment rule no longer valid, membership not refreshed", { segmentId: segment.id });
    return { entered: 0, exited: 0 };
  }
  const target = compileSegment(parsed.data, { now: at, ...(userIds ? { userIds } : {}) });
  const iso = at.toISOString();
  const onlyUsers = userIds ? sql`and m.user_id = any(${uuidArray(userIds)})` : sql``;
  // Full refresh: the count is the target's size. For some users only: the stored count moves by the
  // difference (exact, since the segment row is locked for the transaction).
  const count = userIds
    ? sql`member_count + (select count(*) from entered)::int - (select count(*) from exited)::int`
    : sql`(select count(*) from target)::int`;
  const rows = rowsOf<{ entered: number | string; exited: number | string }>(
    await tx.execute(sql`
      with target as (
        select distinct t.user_id from (${target}) t where t.user_id is not null
      ),
      entered as (
        insert into segment_members (segment_id, user_id, entered_at)
        select ${segment.id}::uuid, user_id, ${iso}::timestamptz from target
        on conflict do nothing
        returning user_id
      ),
      exited as (
        delete from segment_members m
        where m.segment_id = ${segment.id}::uuid ${onlyUsers}
          and not exists (select 1 from target t where t.user_id = m.user_id)
        returning m.user_id
      ),
      recorded as (
        insert into events (name, user_id, occurred_at, properties, context)
        select x.name, x.user_id, ${iso}::timestamptz, jsonb_strip_nulls(jsonb_build_object(
                 'segmentId', ${segment.id}::text, 'segmentKey', ${segment.key}::text, 'version', ${segment.version}::int)), '{}'::jsonb
        from (select 'segment_entered' as name, user_id from entered
              union all
              select 'segment_exited' as name, user_id from exited) x
        returning 1
      ),
      counted as (
        update segments set member_count = ${count}, refreshed_at = ${iso}::timestamptz
        where id = ${segment.id}::uuid
        returning 1
      )
      select (select count(*) from entered) as entered, (select count(*) from exited) as exited,
             (select count(*) from recorded) as recorded, (select count(*) from counted) as counted`),
  );
  const r = rows[0];
  return { entered: Number(r?.entered ?? 0), exited: Number(r?.exited ?? 0) };
}

/** depends_on comes back as a JS array (postgres.js) or an array literal `{a,b}` (PGlite, ::text[]). */
function pgTextArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  return inner === "" ? [] : inner.split(",").map((s) => s.replace(/^"|"$/g, ""));
}
