import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

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

/** Who did what as an admin or the system; append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    actorId: uuid().references(() => users.id),
    action: text().notNull(),
    target: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_time_idx").on(t.occurredAt), index("audit_log_actor_idx").on(t.actorId, t.occurredAt)],
);
