import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per signed-in browser session (lib/auth/sessions.ts). The JWT cookie carries the row's id
 * and the user's session version at sign-in; every request looks the row up by primary key.
 * `authenticatedAt` is the last time the password was given in this session (sign-in or re-auth);
 * `secondFactorAt` when the admin's second factor was checked (or enrolled) in it.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    authenticatedAt: timestamp({ withTimezone: true }).notNull(),
    secondFactorAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
    ip: text(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.createdAt)],
);

/** An admin's TOTP secret (RFC 6238, base32). Enabled once confirmed with a code. */
export const userTotp = pgTable("user_totp", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  enabledAt: timestamp({ withTimezone: true }),
  // The last accepted time step, so one code cannot be used twice.
  lastStep: bigint({ mode: "number" }),
});

/** One-time recovery codes, stored as SHA-256 hashes (they are random, 50 bits each). */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("user_recovery_codes_user_idx").on(t.userId)],
);

/** Failed second-factor codes and re-auth passwords, to limit guessing per user. */
export const authFactorFailures = pgTable(
  "auth_factor_failures",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: ["totp", "reauth"] }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("auth_factor_failures_user_idx").on(t.userId, t.kind, t.occurredAt)],
);

export type UserSession = typeof userSessions.$inferSelect;
