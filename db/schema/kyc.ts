import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const kycStatusEnum = pgEnum("kyc_status", ["draft", "submitted", "approved", "rejected"]);
export const kycStepStatusEnum = pgEnum("kyc_step_status", ["pending", "completed", "approved", "rejected"]);

/**
 * One identity verification per user (a lender's e-KYC; a borrower's KYB reuses the same machinery).
 * draft → submitted → approved | rejected; a rejected profile is fixed step by step and submitted again
 * (version counts submissions).
 */
export const kycProfiles = pgTable(
  "kyc_profiles",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: kycStatusEnum().notNull().default("draft"),
    /** The first step not completed yet (where the user resumes); null when all are completed. */
    currentStep: text(),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id),
    /** Number of submissions so far. */
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("kyc_profiles_user_unique").on(t.userId),
    // The admin review queue: submitted profiles, oldest first.
    index("kyc_profiles_status_submitted_idx").on(t.status, t.submittedAt),
  ],
);

/**
 * A saved step. data holds the entered values; for uploads it holds storage keys and content types
 * (files: { <field>: { key, mime, size, sha256 } }), never the bytes.
 */
export const kycSteps = pgTable(
  "kyc_steps",
  {
    id: uuid().primaryKey().defaultRandom(),
    profileId: uuid()
      .notNull()
      .references(() => kycProfiles.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    step: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: kycStepStatusEnum().notNull().default("pending"),
    /** Why an admin rejected the step (shown to the user with what to fix). */
    reason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique("kyc_steps_user_step_unique").on(t.userId, t.step), index("kyc_steps_profile_idx").on(t.profileId)],
);

/** A lender's risk disclosure acceptance and understanding check, per disclosure version. */
export const riskAcknowledgements = pgTable(
  "risk_acknowledgements",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    version: text().notNull(),
    disclosureAcceptedAt: timestamp({ withTimezone: true }).notNull(),
    quizPassedAt: timestamp({ withTimezone: true }),
    /** The answers that passed the check ({ questionId: optionId }). */
    answers: jsonb().$type<Record<string, string>>(),
    /** Quiz attempts with at least one wrong answer. */
    failedAttempts: integer().notNull().default(0),
  },
  (t) => [
    unique("risk_acknowledgements_user_version_unique").on(t.userId, t.version),
    check("risk_acknowledgements_attempts_non_negative", sql`${t.failedAttempts} >= 0`),
  ],
);

export type KycProfile = typeof kycProfiles.$inferSelect;
export type KycStepRow = typeof kycSteps.$inferSelect;
export type KycStatus = (typeof kycStatusEnum.enumValues)[number];
export type KycStepStatus = (typeof kycStepStatusEnum.enumValues)[number];
export type RiskAcknowledgement = typeof riskAcknowledgements.$inferSelect;
