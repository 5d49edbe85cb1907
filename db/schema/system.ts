import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Small key/value settings every process reads from the database (clock offset, rates, fees). */
export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/** One row per job-runner process; the heartbeat job keeps it fresh so health can tell. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text().primaryKey(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  lastBeatAt: timestamp({ withTimezone: true }).notNull(),
});
