import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export type EventContext = {
  page?: string;
  locale?: string;
  userAgent?: string;
  ip?: string;
  utm?: { source?: string; medium?: string; campaign?: string };
  referrer?: string;
};

/**
 * The engagement layer's raw material: one row for every meaningful action. Append-only.
 *
 * Partitioned by month on occurred_at (migration 0016, hand-written: drizzle-kit does not model
 * partitioning): `events_yYYYYmMM` partitions are created ahead by
 * lib/engagement/events/internal/partitions.ts, and `events_default` catches anything outside them.
 * A partitioned table's primary key must contain the partition key, hence (id, occurred_at).
 * tx_id is the writing transaction's id: consumers read in commit order by (tx_id, id)
 * (lib/engagement/events/internal/cursor.ts). See docs/SCALE.md.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "bigint" }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    userId: uuid().references(() => users.id),
    anonymousId: text(),
    name: text().notNull(),
    properties: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    context: jsonb().$type<EventContext>().notNull().default({}),
    txId: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`(pg_current_xact_id()::text::bigint)`),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.occurredAt] }),
    index("events_user_time_idx").on(t.userId, t.occurredAt),
    index("events_name_time_idx").on(t.name, t.occurredAt),
    // Partial: only events before sign-in carry an anonymous id; the rest would each add a NULL entry.
    index("events_anonymous_time_idx").on(t.anonymousId, t.occurredAt).where(sql`${t.anonymousId} is not null`),
    // The commit-ordered cursor's scan: (tx_id, id) > (last) below the snapshot's xmin.
    index("events_tx_idx").on(t.txId, t.id),
  ],
);

export type EventRow = typeof events.$inferSelect;
