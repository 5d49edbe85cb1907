import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { events, profiles, rfmScores, segmentMembers, segments, users, type Profile } from "@/db/schema";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { NotFound, parseLookup } from "@/lib/errors";
import { refreshTraits } from "./internal/refresh-traits";
import { User360Input, USER_EVENTS_PAGE_SIZE, UserEventsInput } from "./schemas";

export type RfmHistoryRow = { scoredOn: string; recencyDays: number; frequency: number; monetary: bigint; r: number; f: number; m: number; segment: string };
export type RfmTransition = { on: string; from: string | null; to: string };

export type User360 = {
  user: { id: string; fullName: string; email: string; role: string; createdAt: Date };
  /** Null for admins (no profile). Refreshed in this query's transaction, so it is current. */
  profile: Profile | null;
  /** The last 90 scored days, newest first. */
  rfmHistory: RfmHistoryRow[];
  /** Each day the segment changed (the first scored day counts as entering from nothing), newest first. */
  rfmTransitions: RfmTransition[];
  segments: { id: string; name: string; key: string | null; enteredAt: Date }[];
};

/** Consecutive scored days → the days the segment changed. Pure; oldest-first input. */
export function transitionsOf(history: readonly { scoredOn: string; segment: string }[]): RfmTransition[] {
  const out: RfmTransition[] = [];
  let previous: string | null = null;
  for (const h of history) {
    if (h.segment !== previous) out.push({ on: h.scoredOn, from: previous, to: h.segment });
    previous = h.segment;
  }
  return out.reverse();
}

/**
 * Admin: who this user is right now — their profile (refreshed first), RFM scores with their history
 * and transitions, and the segments they are in.
 */
export async function getUser360({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<User360> {
  requireRole(ctx, "admin");
  const { userId } = parseLookup(User360Input, input, "The user");
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx
      .select({ id: users.id, fullName: users.fullName, email: users.email, role: users.role, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new NotFound("The user");
    await refreshTraits(tx, { userIds: [userId] });
    const [[profile], history, member] = await Promise.all([
      tx.select().from(profiles).where(eq(profiles.userId, userId)),
      tx.select().from(rfmScores).where(eq(rfmScores.userId, userId)).orderBy(desc(rfmScores.scoredOn)).limit(90),
      tx
        .select({ id: segments.id, name: segments.name, key: segments.key, enteredAt: segmentMembers.enteredAt })
        .from(segmentMembers)
        .innerJoin(segments, eq(segments.id, segmentMembers.segmentId))
        .where(and(eq(segmentMembers.userId, userId), eq(segments.status, "active")))
        .orderBy(asc(segments.name)),
    ]);
    const rfmHistory = history.map((h) => ({ scoredOn: h.scoredOn, recencyDays: h.recencyDays, frequency: h.frequency, monetary: h.monetary, r: h.r, f: h.f, m: h.m, segment: h.segment }));
    return { user, profile: profile ?? null, rfmHistory, rfmTransitions: transitionsOf([...rfmHistory].reverse()), segments: member };
  });
}

export type UserEventRow = { id: bigint; name: string; occurredAt: Date; properties: Record<string, unknown> };

/** Admin: the user's events, newest first, 20 a page, optionally of one name (events_user_time_idx). */
export async function listUserEvents({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const q = parseLookup(UserEventsInput, input, "The user");
  const where = q.name ? and(eq(events.userId, q.userId), eq(events.name, q.name)) : eq(events.userId, q.userId);
  const db = dbOf(ctx);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: events.id, name: events.name, occurredAt: events.occurredAt, properties: events.properties })
      .from(events)
      .where(where)
      .orderBy(desc(events.occurredAt), desc(events.id))
      .limit(USER_EVENTS_PAGE_SIZE)
      .offset((q.page - 1) * USER_EVENTS_PAGE_SIZE),
    db.select({ n: count() }).from(events).where(where),
  ]);
  return { items: rows as UserEventRow[], total: Number(total?.n ?? 0), page: q.page, pageSize: USER_EVENTS_PAGE_SIZE, name: q.name ?? null };
}
