import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { executePrepared } from "@/db/prepared";
import { rowsOf } from "@/db/rows";
import { uuidArray } from "@/db/sql-arrays";
import { now } from "@/lib/clock";
import { logger } from "@/lib/logger";
import { compileSegment } from "../compile";
import { SegmentRule } from "../definition";
import { dependencyLevels, orderByDependency, type SegmentNode } from "./dependency-order";

type SegmentToRefresh = SegmentNode & { key: string | null; rule: unknown; version: number };

export type RefreshResult = { entered: number; exited: number };

/**
 * Brings stored membership (segment_members) in line with each segment's compiled rule: for every active
 * segment listed (all when `segmentIds` is absent) plus every segment that depends on one of them
 * (membership of a segment is a condition too), in dependency order so a nested segment sees the
 * membership its inner segment just got. One statement per dependency level (the segments of a level
 * depend on none of each other; usually one level, two with nested segments) diffs the stored members
 * against the compiled queries, inserts the new members, deletes the leavers and records a `segment_entered` /
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
    await executePrepared(tx, sql`select id::text as id, depends_on::text[] as depends_on from segments where status = 'active'`),
  ).map((r) => ({ id: r.id, dependsOn: pgTextArray(r.depends_on) }));
  const ordered =
    opts.expandDependents === false && opts.segmentIds
      ? orderByDependency(all.filter((s) => opts.segmentIds!.includes(s.id)), opts.segmentIds)
      : orderByDependency(all, opts.segmentIds);
  if (ordered.length === 0) return { entered: 0, exited: 0 };

  const locked = rowsOf<{ id: string; key: string | null; rule: unknown; version: number }>(
    await executePrepared(tx, sql`
      select id::text as id, key, rule, version from segments
      where id = any(${uuidArray(ordered.map((s) => s.id))}) and status = 'active'
      order by id for no key update`),
  );
  const byId = new Map(locked.map((r) => [r.id, r]));
  const result: RefreshResult = { entered: 0, exited: 0 };
  for (const level of dependencyLevels(ordered)) {
    const list: SegmentToRefresh[] = [];
    for (const node of level) {
      const row = byId.get(node.id);
      if (!row) continue; // archived meanwhile
      list.push({ ...node, key: row.key, rule: typeof row.rule === "string" ? JSON.parse(row.rule) : row.rule, version: Number(row.version) });
    }
    const one = await refreshLevel(tx, list, at, userIds);
    result.entered += one.entered;
    result.exited += one.exited;
  }
  return result;
}

/**
 * One statement for segments none of which depends on another: the compiled targets (one select per
 * segment, tagged with its id) against the stored members — entrants inserted, leavers deleted, an
 * event for each, each segment's count and refreshed_at updated.
 */
async function refreshLevel(tx: DbOrTx, list: SegmentToRefresh[], at: Date, userIds: string[] | undefined): Promise<RefreshResult> {
  const targets: SQL[] = [];
  const metas: SQL[] = [];
  const valid: string[] = [];
  for (const segment of list) {
    const parsed = SegmentRule.safeParse(segment.rule);
    if (!parsed.success) {
      // Saved rules are validated when saved; a rule an older schema accepted is skipped, not fatal.
      logger.warn("segment rule no longer valid, membership not refreshed", { segmentId: segment.id });
      continue;
    }
    const compiled = compileSegment(parsed.data, { now: at, ...(userIds ? { userIds } : {}) });
    targets.push(sql`select ${segment.id}::uuid as segment_id, t.user_id from (${compiled}) t`);
    metas.push(sql`(${segment.id}::uuid, ${segment.key}::text, ${segment.version}::int)`);
    valid.push(segment.id);
  }
  if (targets.length === 0) return { entered: 0, exited: 0 };
  const iso = at.toISOString();
  const ids = uuidArray(valid);
  const onlyUsers = userIds ? sql`and m.user_id = any(${uuidArray(userIds)})` : sql``;
  // Full refresh: the count is the target's size. For some users only: the stored count moves by the
  // difference (exact, since the segment rows are locked for the transaction).
  const count = userIds
    ? sql`s.member_count + (select count(*) from entered e where e.segment_id = s.id)::int - (select count(*) from exited x where x.segment_id = s.id)::int`
    : sql`(select count(*) from target t where t.segment_id = s.id)::int`;
  const statement = sql`
      with target as (
        select distinct segment_id, user_id from (${sql.join(targets, sql` union all `)}) q where q.user_id is not null
      ),
      meta (segment_id, key, version) as (values ${sql.join(metas, sql`, `)}),
      entered as (
        insert into segment_members (segment_id, user_id, entered_at)
        select segment_id, user_id, ${iso}::timestamptz from target
        on conflict do nothing
        returning segment_id, user_id
      ),
      exited as (
        delete from segment_members m
        where m.segment_id = any(${ids}) ${onlyUsers}
          and not exists (select 1 from target t where t.segment_id = m.segment_id and t.user_id = m.user_id)
        returning m.segment_id, m.user_id
      ),
      recorded as (
        insert into events (name, user_id, occurred_at, properties, context)
        select x.name, x.user_id, ${iso}::timestamptz,
               jsonb_strip_nulls(jsonb_build_object('segmentId', x.segment_id::text, 'segmentKey', meta.key, 'version', meta.version)),
               '{}'::jsonb
        from (select 'segment_entered' as name, segment_id, user_id from entered
              union all
              select 'segment_exited' as name, segment_id, user_id from exited) x
        join meta on meta.segment_id = x.segment_id
        returning 1
      ),
      counted as (
        update segments s set member_count = ${count}, refreshed_at = ${iso}::timestamptz
        where s.id in (select segment_id from meta)
        returning 1
      )
      select (select count(*) from entered) as entered, (select count(*) from exited) as exited,
             (select count(*) from recorded) as recorded, (select count(*) from counted) as counted`;
  // For a few users (the incremental refresh after an event) planning the statement costs ten times
  // its execution: it runs prepared, so PostgreSQL plans it once per connection (its text only changes
  // with the set of segments and their rules; the users, the clock and every value are parameters).
  // A full refresh is planned each time, for the data it meets.
  const rows = rowsOf<{ entered: number | string; exited: number | string }>(
    userIds ? await executePrepared(tx, statement) : await tx.execute(statement),
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
