import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { events, type EventContext } from "@/db/schema";
import { now } from "@/lib/clock";
import { logger } from "@/lib/logger";
import { checkEventProperties, type EventName } from "../event-names";
import { executePrepared } from "@/db/prepared";

export type TrackEvent = {
  name: EventName;
  userId?: string | null;
  anonymousId?: string | null;
  properties?: Record<string, unknown>;
  context?: EventContext;
  occurredAt?: Date;
};

/** JSON has no bigint: money in event properties is stored as a decimal string. */
function toJsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSafe(v)]));
  }
  return value;
}

/** A recorded event's properties do not match the catalogue (lib/engagement/event-names.ts). */
export class EventPropertiesMismatch extends Error {
  constructor(
    readonly eventName: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`event ${eventName}: properties do not match the catalogue: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
    this.name = "EventPropertiesMismatch";
  }
}

/**
 * Checks each event's stored-form properties against its catalogue schema (one safeParse each). Outside
 * production a mismatch throws, so every test that records an event proves the catalogue right; in
 * production the event is stored anyway (a business event is never lost) and a warning names it.
 */
function validate(name: string, properties: Record<string, unknown>): void {
  const issues = checkEventProperties(name, properties);
  if (issues.length === 0) return;
  if (process.env.NODE_ENV !== "production") throw new EventPropertiesMismatch(name, issues);
  logger.warn("event properties do not match the catalogue", { event: name, issues });
}

/** An event's properties as stored: JSON-safe (bigints as decimal strings) and checked against the catalogue. */
export function storedProperties(e: TrackEvent): Record<string, unknown> {
  const properties = toJsonSafe(e.properties ?? {}) as Record<string, unknown>;
  validate(e.name, properties);
  return properties;
}

/**
 * Above this many events the batch goes in as one JSON parameter of a prepared statement of fixed text
 * (db/prepared.ts): cheaper to build than thousands of bound parameters, one round trip on PostgreSQL.
 */
const BULK_THRESHOLD = 8;

/**
 * Records one event. Pass the transaction of the change the event describes, so both commit or
 * neither does.
 */
export async function track(tx: DbOrTx, event: TrackEvent): Promise<void> {
  await trackMany(tx, [event]);
}

export async function trackMany(tx: DbOrTx, list: TrackEvent[]): Promise<void> {
  if (list.length === 0) return;
  const at = now();
  if (list.length > BULK_THRESHOLD) {
    // Large batches (auto-purchase) as one JSON parameter: binding thousands of parameters costs more
    // than the insert itself.
    const rows = list.map((e) => ({
      name: e.name,
      user_id: e.userId ?? null,
      anonymous_id: e.anonymousId ?? null,
      occurred_at: (e.occurredAt ?? at).toISOString(),
      properties: storedProperties(e),
      context: e.context ?? {},
    }));
    await executePrepared(tx, sql`
      insert into events (name, user_id, anonymous_id, occurred_at, properties, context)
      select name, user_id, anonymous_id, occurred_at, properties, context
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(name text, user_id uuid, anonymous_id text, occurred_at timestamptz, properties jsonb, context jsonb)`);
    return;
  }
  await tx.insert(events).values(
    list.map((e) => ({
      name: e.name,
      userId: e.userId ?? null,
      anonymousId: e.anonymousId ?? null,
      occurredAt: e.occurredAt ?? at,
      properties: storedProperties(e),
      context: (e.context ?? {}) as EventContext,
    })),
  );
}
