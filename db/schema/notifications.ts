import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * In-app notifications (the bell). Stored as a kind plus parameters and rendered in the reader's
 * language at display time (messages: notifications.kinds.<kind>). Later channels (email, push,
 * SMS/WhatsApp) are sent by the engagement layer from the same events.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    // Typed values (lib/money/params.ts); rows written before them hold plain formatted strings.
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    link: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
