import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("user_role", ["lender", "borrower", "admin"]);
export const localeEnum = pgEnum("user_locale", ["en", "id"]);

export type Acquisition = {
  source?: string;
  medium?: string;
  campaign?: string;
  referrer?: string;
  landingPage?: string;
};

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull(),
    fullName: text().notNull(),
    phone: text().notNull(),
    locale: localeEnum().notNull().default("en"),
    companyName: text(),
    businessSector: text(),
    acquisition: jsonb().$type<Acquisition>().notNull().default({}),
    // Sessions (lib/auth/sessions.ts): a session is valid only while its version equals this one;
    // "sign out everywhere", suspension and the like bump it. A suspended user cannot sign in.
    sessionVersion: integer().notNull().default(0),
    suspendedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_role_created_idx").on(t.role, t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Locale = (typeof localeEnum.enumValues)[number];

/**
 * Every sign-in attempt that was judged (not the ones refused by the throttle), so failures can be
 * limited per IP, per (email, IP) pair and per email across processes (lib/auth/sign-in.ts).
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: text({ enum: ["yes", "no"] }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.occurredAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.occurredAt),
    index("sign_in_attempts_email_ip_idx").on(t.email, t.ip, t.occurredAt),
  ],
);
