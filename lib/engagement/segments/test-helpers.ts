import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { events, profiles, segmentMembers, segments, users } from "@/db/schema";
import { PROFILE_FIELDS } from "../profiles/fields";
import { compileSegment, type CompileOptions } from "./compile";
import type { SegmentRule } from "./definition";
import type { World, WorldProfile } from "./evaluate";

/** Tests of the compiler: a small world written straight into the tables, and read back as the oracle sees it. */
export type WorldInput = {
  users: { id: string; role: "lender" | "borrower" | "admin" }[];
  /** Field keys of PROFILE_FIELDS; role and signedUpAt default (NOT NULL columns). */
  profiles: ({ userId: string } & Record<string, unknown>)[];
  events: { userId: string | null; name: string; occurredAt: Date; properties?: Record<string, unknown> }[];
  segmentIds: string[];
  members: { segmentId: string; userId: string }[];
};

const AT = new Date("2026-01-01T00:00:00Z");

export async function insertWorld(db: DbOrTx, world: WorldInput): Promise<void> {
  if (world.users.length > 0) {
    await db.insert(users).values(
      world.users.map((u) => ({ id: u.id, email: `${u.id}@segments.test`, passwordHash: "x", role: u.role, fullName: u.id, phone: "0", createdAt: AT, updatedAt: AT })),
    );
  }
  if (world.profiles.length > 0) {
    const rows = world.profiles.map((p) => ({ role: "lender", signedUpAt: AT, updatedAt: AT, ...p }));
    await db.insert(profiles).values(rows as (typeof profiles.$inferInsert)[]);
  }
  if (world.events.length > 0) {
    await db.insert(events).values(world.events.map((e) => ({ userId: e.userId, name: e.name, occurredAt: e.occurredAt, properties: e.properties ?? {} })));
  }
  if (world.segmentIds.length > 0) {
    await db.insert(segments).values(world.segmentIds.map((id) => ({ id, name: id, rule: {}, createdAt: AT, updatedAt: AT })));
  }
  if (world.members.length > 0) await db.insert(segmentMembers).values(world.members.map((m) => ({ ...m, enteredAt: AT })));
}

/** Empties the tables insertWorld writes (a fresh test database has nothing else in them). */
export async function clearWorld(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from segment_members`);
  await db.execute(sql`delete from segments`);
  await db.execute(sql`delete from events`);
  await db.execute(sql`delete from profiles`);
  await db.execute(sql`delete from users`);
}

/** The world as stored (defaults filled in, JSON round-tripped), for evaluateRule. */
export async function loadWorld(db: DbOrTx): Promise<World> {
  const [u, p, e, m] = await Promise.all([
    db.select({ id: users.id, role: users.role }).from(users),
    db.select().from(profiles),
    db.select({ userId: events.userId, name: events.name, occurredAt: events.occurredAt, properties: events.properties }).from(events),
    db.select({ segmentId: segmentMembers.segmentId, userId: segmentMembers.userId }).from(segmentMembers),
  ]);
  const keys = PROFILE_FIELDS.map((f) => f.key);
  const profilesOut: WorldProfile[] = p.map((row) => {
    const out: WorldProfile = { userId: row.userId };
    for (const k of keys) out[k] = (row as Record<string, unknown>)[k];
    return out;
  });
  return { users: u, profiles: profilesOut, events: e, members: m };
}

export async function selectSegment(db: DbOrTx, rule: SegmentRule, opts: CompileOptions): Promise<Set<string>> {
  const rows = rowsOf<{ user_id: string }>(await db.execute(compileSegment(rule, opts)));
  return new Set(rows.map((r) => r.user_id));
}
