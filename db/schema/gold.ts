import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Gold savings (lib/gold). Prices are bigint rupiah per gram; quantities bigint units of 0.0001 g
 * (lib/money/gold.ts). Gold and rupiah move only in the ledger (user_gold ↔ gold_inventory in XAU,
 * user_cash ↔ gold_trading in IDR); these tables hold prices, quotes, trades, plans, alerts and
 * physical withdrawals.
 */

/** Every published price, with its time. buy > sell; the spread is (buy − sell) around mid. */
export const goldPrices = pgTable(
  "gold_prices",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** Provider name (e.g. "demo"). */
    source: text().notNull(),
    midPerGram: bigint({ mode: "bigint" }).notNull(),
    /** What a user pays per gram. */
    buyPerGram: bigint({ mode: "bigint" }).notNull(),
    /** What a user receives per gram. */
    sellPerGram: bigint({ mode: "bigint" }).notNull(),
  },
  (t) => [
    check("gold_prices_positive", sql`${t.sellPerGram} > 0 and ${t.buyPerGram} >= ${t.sellPerGram}`),
    index("gold_prices_at_idx").on(t.at),
  ],
);

/** World Bank monthly averages (USD per troy ounce, in US cents), converted to rupiah per gram on read. */
export const goldMonthlyPrices = pgTable("gold_monthly_prices", {
  month: date({ mode: "string" }).primaryKey(),
  usdCentsPerOunce: bigint({ mode: "bigint" }).notNull(),
});

/** A price promised to one user for a short time (30 s); a trade within the window uses it. */
export const goldQuotes = pgTable(
  "gold_quotes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    side: text({ enum: ["buy", "sell"] }).notNull(),
    priceId: bigint({ mode: "bigint" }).notNull(),
    pricePerGram: bigint({ mode: "bigint" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("gold_quotes_user_idx").on(t.userId, t.createdAt)],
);

export const goldTrades = pgTable(
  "gold_trades",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    side: text({ enum: ["buy", "sell"] }).notNull(),
    /** Grams in 0.0001 g units and the rupiah paid or received. */
    units: bigint({ mode: "bigint" }).notNull(),
    rupiah: bigint({ mode: "bigint" }).notNull(),
    pricePerGram: bigint({ mode: "bigint" }).notNull(),
    /** What the user asked for: an amount of rupiah or of grams (the other side was rounded). */
    inputMode: text({ enum: ["rupiah", "grams"] }).notNull(),
    quoteId: uuid().references(() => goldQuotes.id),
    recurringPlanId: uuid(),
    source: text({ enum: ["manual", "recurring"] }).notNull(),
    idempotencyKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("gold_trades_idempotency_unique").on(t.idempotencyKey),
    check("gold_trades_positive", sql`${t.units} > 0 and ${t.rupiah} > 0`),
    index("gold_trades_user_idx").on(t.userId, t.createdAt),
    index("gold_trades_created_idx").on(t.createdAt),
  ],
);

export const goldRecurringPlans = pgTable(
  "gold_recurring_plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    amount: bigint({ mode: "bigint" }).notNull(),
    frequency: text({ enum: ["daily", "weekly", "monthly"] }).notNull(),
    /** Hour of day, Asia/Jakarta, 0–23. */
    hour: integer().notNull(),
    /** 1 = Monday … 7 = Sunday, for weekly plans. */
    dayOfWeek: integer(),
    /** 1–28, for monthly plans. */
    dayOfMonth: integer(),
    active: boolean().notNull().default(true),
    nextRunAt: timestamp({ withTimezone: true }).notNull(),
    lastRunAt: timestamp({ withTimezone: true }),
    /** Deleted by the user: hidden and never run again; kept because its runs point at it. */
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("gold_recurring_plans_amount", sql`${t.amount} > 0`),
    check("gold_recurring_plans_hour", sql`${t.hour} between 0 and 23`),
    index("gold_recurring_plans_user_idx").on(t.userId),
    index("gold_recurring_plans_due_idx").on(t.nextRunAt).where(sql`${t.active}`),
  ],
);

/** One row per scheduled run of a plan: bought, or skipped (too little cash) — unique, so a run happens once. */
export const goldRecurringRuns = pgTable(
  "gold_recurring_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => goldRecurringPlans.id),
    scheduledFor: timestamp({ withTimezone: true }).notNull(),
    outcome: text({ enum: ["bought", "skipped"] }).notNull(),
    reason: text(),
    tradeId: uuid().references(() => goldTrades.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique("gold_recurring_runs_plan_time_unique").on(t.planId, t.scheduledFor), index("gold_recurring_runs_plan_idx").on(t.planId, t.createdAt)],
);

export const goldPriceAlerts = pgTable(
  "gold_price_alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** buy_below: the buy price falls below the threshold; sell_above: the sell price rises above it. */
    kind: text({ enum: ["buy_below", "sell_above"] }).notNull(),
    thresholdPerGram: bigint({ mode: "bigint" }).notNull(),
    active: boolean().notNull().default(true),
    triggeredAt: timestamp({ withTimezone: true }),
    triggeredPricePerGram: bigint({ mode: "bigint" }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("gold_price_alerts_threshold", sql`${t.thresholdPerGram} > 0`),
    index("gold_price_alerts_user_idx").on(t.userId, t.createdAt),
    index("gold_price_alerts_active_idx").on(t.kind, t.thresholdPerGram).where(sql`${t.active}`),
  ],
);

export const GOLD_BAR_GRAMS = [1, 2, 5, 10, 25, 50, 100] as const;

/** A request for physical bars: the grams are reserved (user_gold → user_gold_reserved) at once. */
export const goldWithdrawals = pgTable(
  "gold_withdrawals",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    barGrams: integer().notNull(),
    quantity: integer().notNull().default(1),
    units: bigint({ mode: "bigint" }).notNull(),
    /** Printing and delivery fee in rupiah, paid from cash at request time. */
    fee: bigint({ mode: "bigint" }).notNull(),
    leadTimeDays: integer().notNull(),
    address: text().notNull(),
    status: text({ enum: ["requested", "printed", "shipped", "delivered", "cancelled"] }).notNull().default("requested"),
    cancelReason: text(),
    idempotencyKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("gold_withdrawals_idempotency_unique").on(t.idempotencyKey),
    check("gold_withdrawals_positive", sql`${t.units} > 0 and ${t.quantity} > 0 and ${t.fee} >= 0`),
    index("gold_withdrawals_user_idx").on(t.userId, t.createdAt),
    index("gold_withdrawals_status_idx").on(t.status, t.createdAt),
  ],
);

export type GoldPrice = typeof goldPrices.$inferSelect;
export type GoldTrade = typeof goldTrades.$inferSelect;
export type GoldRecurringPlan = typeof goldRecurringPlans.$inferSelect;
export type GoldPriceAlert = typeof goldPriceAlerts.$inferSelect;
export type GoldWithdrawal = typeof goldWithdrawals.$inferSelect;
