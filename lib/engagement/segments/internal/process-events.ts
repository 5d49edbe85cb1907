import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { executePrepared } from "@/db/prepared";
import { rowsOf } from "@/db/rows";
import { uuidArray } from "@/db/sql-arrays";
import type { DrainedEvent } from "../../events/internal/cursor";
import { refreshTraits } from "../../profiles/internal/refresh-traits";
import { refreshMembership, type RefreshResult } from "./refresh-membership";

const SEGMENT_EVENTS = new Set(["segment_entered", "segment_exited"]);

export type AppliedEvents = RefreshResult & { users: number; segments: number };

/**
 * What a batch of drained events changes, applied in the drain's transaction:
 *  - every user an ordinary event touches (its user id, or the user its anonymous id is aliased to)
 *    gets their traits refreshed, then their membership of each segment the batch can change: those
 *    whose rule counts one of the batch's event names, and those that read a profile field (any trait
 *    may move after any money event; keeping that simple costs one indexed query per segment per batch);
 *  - a `segment_entered` / `segment_exited` seen re-evaluates, for that user, the segments that depend
 *    on the segment entered or left (a refresh already handles its dependents in the same pass, so this
 *    pass usually changes nothing and writes no event: the chain of events ends).
 */
export async function applyDrainedEvents(tx: DbOrTx, events: readonly DrainedEvent[]): Promise<AppliedEvents> {
  const touched = new Set<string>();
  const anonymous = new Set<string>();
  const names = new Set<string>();
  const changedSegments = new Set<string>();
  const segmentUsers = new Set<string>();
  for (const e of events) {
    if (SEGMENT_EVENTS.has(e.name)) {
      const id = e.properties?.segmentId;
      if (typeof id === "string" && e.userId) {
        changedSegments.add(id);
        segmentUsers.add(e.userId);
      }
      continue;
    }
    names.add(e.name);
    if (e.userId) touched.add(e.userId);
    else if (e.anonymousId) anonymous.add(e.anonymousId);
  }
  if (anonymous.size > 0) {
    const aliased = rowsOf<{ user_id: string }>(
      await tx.execute(sql`select user_id::text as user_id from identity_aliases where anonymous_id = any(${textArray([...anonymous])})`),
    );
    for (const r of aliased) touched.add(r.user_id);
  }

  const result: AppliedEvents = { entered: 0, exited: 0, users: touched.size, segments: 0 };
  if (touched.size > 0) {
    const userIds = [...touched];
    await refreshTraits(tx, { userIds });
    const segmentIds = rowsOf<{ id: string }>(
      await executePrepared(tx, sql`
        select id::text as id from segments
        where status = 'active' and (event_names && ${textArray([...names])} or cardinality(fields) > 0)`),
    ).map((r) => r.id);
    const r = await refreshMembership(tx, { userIds, segmentIds });
    result.entered += r.entered;
    result.exited += r.exited;
    result.segments += segmentIds.length;
  }
  if (changedSegments.size > 0) {
    const dependents = rowsOf<{ id: string }>(
      await tx.execute(sql`
        select id::text as id from segments
        where status = 'active' and depends_on && ${uuidArray([...changedSegments].filter(isUuid))}`),
    ).map((r) => r.id);
    if (dependents.length > 0) {
      const r = await refreshMembership(tx, { userIds: [...segmentUsers], segmentIds: dependents });
      result.entered += r.entered;
      result.exited += r.exited;
      result.segments += dependents.length;
    }
  }
  return result;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** Strings as ONE text[] parameter (an array literal, each item quoted). */
function textArray(items: readonly string[]) {
  const literal = `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
  return sql`${literal}::text[]`;
}
