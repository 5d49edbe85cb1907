import "server-only";
import { and, count, desc, eq, gt, inArray, lt } from "drizzle-orm";
import { events } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, requireUser, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { ACTIVITY_EVENT_NAMES, activityParams } from "./activity";
import { RecentEventsInput } from "./schemas";

/**
 * The signed-in user's own recent activity: only the events that have a sentence (ACTIVITY_EVENT_NAMES;
 * page views, clicks and prices seen are left out), newest first (uses events_user_time_idx).
 */
export async function listMyRecentEvents({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  const actor = requireUser(ctx);
  const { limit } = parseInput(RecentEventsInput, input ?? {});
  const rows = await dbOf(ctx)
    .select({ id: events.id, name: events.name, occurredAt: events.occurredAt, properties: events.properties })
    .from(events)
    .where(and(eq(events.userId, actor.userId), inArray(events.name, [...ACTIVITY_EVENT_NAMES])))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(Math.min(Math.max(limit, 1), 50));
  // The figures of each sentence as typed params (activity.details.<name>); null: the plain sentence.
  return rows.map((r) => ({ ...r, params: activityParams(r.name, r.properties) }));
}

/** Admin: how many events of each name in the last 24 hours of the clock. */
export async function countEventsLastDay({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, "admin");
  const to = now();
  const from = new Date(to.getTime() - 86_400_000);
  return dbOf(ctx)
    .select({ name: events.name, total: count() })
    .from(events)
    .where(and(gt(events.occurredAt, from), lt(events.occurredAt, to)))
    .groupBy(events.name)
    .orderBy(desc(count()));
}
