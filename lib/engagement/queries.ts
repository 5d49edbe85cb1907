import "server-only";
import { and, count, desc, eq, gt, lt, ne } from "drizzle-orm";
import { events } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, requireUser, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { RecentEventsInput } from "./schemas";

/** The signed-in user's own recent actions, page views left out (uses events_user_time_idx). */
export async function listMyRecentEvents({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  const actor = requireUser(ctx);
  const { limit } = parseInput(RecentEventsInput, input ?? {});
  return dbOf(ctx)
    .select({ id: events.id, name: events.name, occurredAt: events.occurredAt, properties: events.properties })
    .from(events)
    .where(and(eq(events.userId, actor.userId), ne(events.name, "page_viewed")))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(Math.min(Math.max(limit, 1), 50));
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
