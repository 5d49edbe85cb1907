import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export type EventContext = {
  page?: string;
  locale?: string;
  userAgent?: string;
  ip?: string;
  utm?: { source?: string; medium?: string; campaign?: string };
  referrer?: string;
};

/** The engagement layer's raw material: one row for every meaningful action. Append-only. */
export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    userId: uuid().references(() => users.id),
    anonymousId: text(),
    name: text().notNull(),
    properties: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    context: jsonb().$type<EventContext>().notNull().default({}),
  },
  (t) => [
    index("events_user_time_idx").on(t.userId, t.occurredAt),
    index("events_name_time_idx").on(t.name, t.occurredAt),
    // Partial: only events before sign-in carry an anonymous id; the rest would each add a NULL entry.
    index("events_anonymous_time_idx").on(t.anonymousId, t.occurredAt).where(sql`${t.anonymousId} is not null`),
  ],
);

export type EventRow = typeof events.$inferSelect;
