import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Every admin decision, one row each, written by lib/audit `recordAdminDecision` in the transaction of
 * the decision. Append-only: a trigger (hand-written in the migration that creates the table) refuses
 * UPDATE, DELETE and TRUNCATE. `details` holds typed values only (amounts as decimal strings, instants
 * as ISO strings), never formatted money, so the page renders them in the reader's language.
 */
export const adminAuditLog = pgTable(
  "admin_audit_log",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    adminId: uuid()
      .notNull()
      .references(() => users.id),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    reason: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: text(),
    userAgent: text(),
  },
  // The list pages newest first by id (keyset); one index per filter it offers.
  (t) => [
    index("admin_audit_log_admin_idx").on(t.adminId, t.id),
    index("admin_audit_log_action_idx").on(t.action, t.id),
    index("admin_audit_log_subject_idx").on(t.subjectType, t.subjectId, t.id),
    index("admin_audit_log_time_idx").on(t.occurredAt),
  ],
);

export type AdminAuditEntry = typeof adminAuditLog.$inferSelect;
