import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";
import { requireSystem, requireSystemOrAdmin, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { refreshSegmentsJob } from "@/lib/jobs/definitions/engagement/refresh-segments";
import { drainEvents } from "../events/internal/cursor";
import { orderByDependency } from "./internal/dependency-order";
import { applyDrainedEvents } from "./internal/process-events";
import { refreshMembership, type RefreshResult } from "./internal/refresh-membership";

/** The segments' consumer of the event stream (its row in event_cursors). */
export const SEGMENTS_CONSUMER = "segments";
const DRAIN_LIMIT = 5_000;
/** Batches one run drains at most before handing over to the next link of the job chain. */
const MAX_ROUNDS = 20;

export type ProcessedEvents = RefreshResult & { events: number };

/**
 * The incremental refresh (job engagement.process-events): drains the events committed since the
 * segments cursor, in batches of 5 000, each batch in one transaction with the membership changes it
 * causes (lib/engagement/segments/internal/process-events.ts), until the stream is caught up.
 */
export async function processSegmentEvents({ ctx }: { ctx: Ctx }): Promise<ProcessedEvents> {
  requireSystem(ctx);
  const total: ProcessedEvents = { events: 0, entered: 0, exited: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const n = await drainEvents(SEGMENTS_CONSUMER, { limit: DRAIN_LIMIT }, async (tx, events) => {
      if (events.length === 0) return;
      const r = await applyDrainedEvents(tx, events);
      total.entered += r.entered;
      total.exited += r.exited;
    });
    total.events += n;
    if (n < DRAIN_LIMIT) break;
  }
  return total;
}

export type RefreshedSegments = RefreshResult & { scope: "time_relative" | "all"; segments: number };

/**
 * The scheduled refresh (job engagement.refresh-segments): `time_relative` re-evaluates every segment
 * with a relative window (and the segments that depend on one), `all` every active segment, for all
 * users, in dependency order, one transaction per segment so no segment stays locked for long (the
 * incremental refresh of a segment waits only for that segment's own refresh). Without a scope: `all`
 * at minute 0 of the hour, `time_relative` otherwise.
 */
export async function refreshSegments({ ctx, input }: { ctx: Ctx; input?: unknown }): Promise<RefreshedSegments> {
  requireSystemOrAdmin(ctx);
  const parsed = parseInput(refreshSegmentsJob.payload, input ?? {});
  const scope = parsed.scope ?? (now().getUTCMinutes() === 0 ? "all" : "time_relative");
  const db = ctx.tx ?? getDb();
  const all = rowsOf<{ id: string; depends_on: string[] | string | null; time_relative: boolean }>(
    await db.execute(sql`select id::text as id, depends_on::text[] as depends_on, time_relative from segments where status = 'active'`),
  ).map((r) => ({ id: r.id, dependsOn: textArrayOf(r.depends_on), timeRelative: r.time_relative }));
  const wanted = scope === "all" ? undefined : all.filter((s) => s.timeRelative).map((s) => s.id);
  const ordered = wanted && wanted.length === 0 ? [] : orderByDependency(all, wanted);
  const result: RefreshedSegments = { scope, segments: ordered.length, entered: 0, exited: 0 };
  for (const segment of ordered) {
    const run = (tx: typeof db) => refreshMembership(tx, { segmentIds: [segment.id], expandDependents: false });
    const r = ctx.tx ? await run(ctx.tx) : await getDb().transaction((tx) => run(tx));
    result.entered += r.entered;
    result.exited += r.exited;
  }
  return result;
}

function textArrayOf(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  return inner === "" ? [] : inner.split(",");
}
