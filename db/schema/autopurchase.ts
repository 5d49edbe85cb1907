import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Auto-purchase (lib/autopurchase). A lender's rules (strategies), the power of attorney that lets the
 * platform invest for them, and a skip decision per (loan, lender) considered and not bought, with the
 * reason. A purchase is the investment itself (loan_investments.auto_strategy_id, source "auto"); money
 * moves only through lib/loans (investMany, the rules of invest()).
 */

/** Per lender: the power of attorney they accepted and when they were last allocated (fairness tie-break). */
export const autoPurchaseLenders = pgTable(
  "auto_purchase_lenders",
  {
    lenderId: uuid()
      .primaryKey()
      .references(() => users.id),
    /** Version of the power-of-attorney text accepted (lib/autopurchase/power-of-attorney.ts). */
    poaVersion: integer(),
    poaAcceptedAt: timestamp({ withTimezone: true }),
    /** The last time any of this lender's strategies was allocated part of a loan; null = never. */
    lastAllocatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  // The allocation's ranking (least recently allocated first, then lender id): the candidate queue
  // walks it from the top and stops after a page (lib/autopurchase/candidates.ts).
  (t) => [index("auto_purchase_lenders_queue_idx").on(t.lastAllocatedAt.asc().nullsFirst(), t.lenderId)],
);

/**
 * One strategy. Empty arrays mean "any". Tenor bounds are in months (a loan in days counts as
 * ceil(days / 30) months). Amounts are bigint rupiah; rates integer basis points.
 */
export const autoPurchaseStrategies = pgTable(
  "auto_purchase_strategies",
  {
    id: uuid().primaryKey().defaultRandom(),
    lenderId: uuid()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    active: boolean().notNull().default(false),
    /** 1 = first. Among one lender's strategies the first that matches a loan buys it (once per loan). */
    priority: integer().notNull(),
    productCodes: jsonb().$type<string[]>().notNull().default([]),
    subgrades: jsonb().$type<string[]>().notNull().default([]),
    minTenorMonths: integer(),
    maxTenorMonths: integer(),
    minRateBps: integer(),
    sectors: jsonb().$type<string[]>().notNull().default([]),
    methods: jsonb().$type<string[]>().notNull().default([]),
    amountPerLoan: bigint({ mode: "bigint" }).notNull(),
    /** Reinvest on: the most this strategy may have outstanding. Reinvest off: the most it may ever invest. */
    budget: bigint({ mode: "bigint" }).notNull(),
    /** The most the lender may have outstanding with one borrower (all their investments), null = no cap. */
    maxPerBorrower: bigint({ mode: "bigint" }),
    /** Cash the lender keeps: a purchase never takes available cash below this. */
    cashReserve: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    reinvest: boolean().notNull().default(true),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("auto_purchase_strategies_amounts", sql`${t.amountPerLoan} > 0 and ${t.budget} > 0 and ${t.cashReserve} >= 0`),
    check("auto_purchase_strategies_tenors", sql`${t.minTenorMonths} is null or ${t.maxTenorMonths} is null or ${t.minTenorMonths} <= ${t.maxTenorMonths}`),
    index("auto_purchase_strategies_lender_idx").on(t.lenderId, t.priority),
    // The matcher's LATERAL per lender (lib/autopurchase/candidates.ts): the lender's active strategies in
    // priority order, so the first that matches ends the scan without a sort.
    index("auto_purchase_strategies_match_idx").on(t.lenderId, t.priority, t.createdAt, t.id).where(sql`${t.active} and ${t.archivedAt} is null`),
  ],
);

export const AUTO_PURCHASE_SKIP_REASONS = ["balance", "reserve", "limit", "exposure", "budget", "kyc", "risk_check", "loan_full", "below_minimum"] as const;
export type AutoPurchaseSkipReason = (typeof AUTO_PURCHASE_SKIP_REASONS)[number];

export type AutoPurchaseStrategy = typeof autoPurchaseStrategies.$inferSelect;
