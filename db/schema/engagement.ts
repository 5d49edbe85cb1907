import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Identity: every anonymous id (the `lumbung_aid` cookie) a user was seen with, written at sign-up and
 * sign-in in the same transaction (lib/engagement/profiles/internal/identify.ts). Funnels that start
 * before sign-up join events.anonymous_id here instead of rebuilding identity from sign-in events.
 */
export const identityAliases = pgTable(
  "identity_aliases",
  {
    anonymousId: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("identity_aliases_user_idx").on(t.userId)],
);

/**
 * Browser events carry a client-made id; a retried batch inserts only the ids not seen before
 * (insert … on conflict do nothing returning id). Pruned after a few days by a job: a browser retries
 * within minutes.
 */
export const clientEventReceipts = pgTable(
  "client_event_receipts",
  {
    id: uuid().primaryKey(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("client_event_receipts_received_idx").on(t.receivedAt)],
);

/**
 * A commit-ordered read position per consumer of `events` (traits, segment membership, journeys):
 * the last (transaction id, event id) processed. See lib/engagement/events/internal/cursor.ts.
 */
export const eventCursors = pgTable("event_cursors", {
  consumer: text().primaryKey(),
  txId: bigint({ mode: "bigint" }).notNull().default(sql`0`),
  eventId: bigint({ mode: "bigint" }).notNull().default(sql`0`),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * One profile per user: properties (who they are) and computed traits (what they did, what they are
 * worth), kept current by lib/engagement/profiles from events and the ledger. The columns are the
 * fields segments filter on (lib/engagement/profiles/fields.ts lists them with their kinds).
 * Money in integer rupiah, gold in 0.0001 g units.
 */
export const profiles = pgTable(
  "profiles",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id),
    // Properties.
    role: text().notNull(),
    personas: text().array().notNull().default(sql`'{}'::text[]`),
    ageBand: text(),
    city: text(),
    province: text(),
    device: text(),
    browser: text(),
    language: text().notNull().default("en"),
    acquisitionChannel: text(),
    acquisitionCampaign: text(),
    signedUpAt: timestamp({ withTimezone: true }).notNull(),
    kycStatus: text().notNull().default("not_started"),
    kycStep: text(),
    // Traits.
    cashBalance: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    outstandingPrincipal: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    goldHeld: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    accountValue: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    totalInvested: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    idleCash: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    idleSince: timestamp({ withTimezone: true }),
    lastActiveAt: timestamp({ withTimezone: true }),
    firstInvestmentAt: timestamp({ withTimezone: true }),
    lastInvestmentAt: timestamp({ withTimezone: true }),
    investmentsCount: integer().notNull().default(0),
    productsUsed: text().array().notNull().default(sql`'{}'::text[]`),
    autoPurchaseOn: boolean().notNull().default(false),
    nextMaturityDate: date({ mode: "string" }),
    nextDueDate: date({ mode: "string" }),
    daysPastDue: integer().notNull().default(0),
    // RFM (lenders; null until scored): 1–5 each and the segment's key (lib/engagement/profiles/rfm.ts).
    rfmRecency: smallint(),
    rfmFrequency: smallint(),
    rfmMonetary: smallint(),
    rfmSegment: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("profiles_role_idx").on(t.role),
    index("profiles_city_idx").on(t.city),
    index("profiles_last_active_idx").on(t.lastActiveAt),
    index("profiles_rfm_segment_idx").on(t.rfmSegment),
    index("profiles_next_due_idx").on(t.nextDueDate).where(sql`${t.nextDueDate} is not null`),
    index("profiles_next_maturity_idx").on(t.nextMaturityDate).where(sql`${t.nextMaturityDate} is not null`),
  ],
);

/** Every nightly RFM score, kept so a user's transitions between segments can be shown. */
export const rfmScores = pgTable(
  "rfm_scores",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    scoredOn: date({ mode: "string" }).notNull(),
    recencyDays: integer().notNull(),
    frequency: integer().notNull(),
    monetary: bigint({ mode: "bigint" }).notNull(),
    r: smallint().notNull(),
    f: smallint().notNull(),
    m: smallint().notNull(),
    segment: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.scoredOn] }), index("rfm_scores_day_segment_idx").on(t.scoredOn, t.segment)],
);

/**
 * A saved segment: a zod-validated rule tree (lib/engagement/segments/definition.ts) with a version
 * that grows with every edit. `key` names the seeded ones. `eventNames` lists the events that can change
 * its membership (the incremental refresh only looks at segments an event can touch); `timeRelative`
 * marks rules with relative windows, re-evaluated on a schedule as the clock moves.
 */
export const segments = pgTable(
  "segments",
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text(),
    name: text().notNull(),
    description: text().notNull().default(""),
    rule: jsonb().$type<unknown>().notNull(),
    version: integer().notNull().default(1),
    eventNames: text().array().notNull().default(sql`'{}'::text[]`),
    fields: text().array().notNull().default(sql`'{}'::text[]`),
    dependsOn: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    timeRelative: boolean().notNull().default(false),
    status: text({ enum: ["active", "archived"] }).notNull().default("active"),
    memberCount: integer().notNull().default(0),
    refreshedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("segments_key_unique").on(t.key).where(sql`${t.key} is not null`),
    index("segments_status_idx").on(t.status, t.name),
  ],
);

/** Who is in a segment now, and since when. Entries and exits are also events (segment_entered/exited). */
export const segmentMembers = pgTable(
  "segment_members",
  {
    segmentId: uuid()
      .notNull()
      .references(() => segments.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.userId] }), index("segment_members_user_idx").on(t.userId)],
);

export type Profile = typeof profiles.$inferSelect;
export type SegmentRow = typeof segments.$inferSelect;
