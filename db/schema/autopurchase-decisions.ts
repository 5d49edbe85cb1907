import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { AUTO_PURCHASE_SKIP_REASONS, autoPurchaseStrategies } from "./autopurchase";
import { loans } from "./loans";
import { users } from "./users";

// Apart from ./autopurchase because it references loans, which references the strategies
// (loan_investments.auto_strategy_id): one file holding both would make an import cycle.

/**
 * Why a matching run did not buy a loan for a lender whose strategy matched it: one row per (loan,
 * lender), the first of their strategies (by priority) that matched, with the reason and its figures.
 * A later run that buys the loan for that lender deletes the row (the purchase is then the investment,
 * loan_investments.auto_strategy_id); a later skip for another reason updates it. The table keeps the
 * name it was created with, when it also held the purchases (migration 0010 moved those).
 */
export const autoPurchaseDecisions = pgTable(
  "auto_purchase_decisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    loanId: uuid()
      .notNull()
      .references(() => loans.id),
    strategyId: uuid()
      .notNull()
      .references(() => autoPurchaseStrategies.id),
    lenderId: uuid()
      .notNull()
      .references(() => users.id),
    reason: text({ enum: AUTO_PURCHASE_SKIP_REASONS }).notNull(),
    /** What the strategy asked for on this loan, after its own caps (0 when its caps left nothing). */
    requested: bigint({ mode: "bigint" }).notNull(),
    /** Figures behind the skip (e.g. available cash, limit), as strings for display. */
    details: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("auto_purchase_decisions_loan_lender_unique").on(t.loanId, t.lenderId),
    index("auto_purchase_decisions_strategy_idx").on(t.strategyId, t.createdAt),
    index("auto_purchase_decisions_lender_idx").on(t.lenderId, t.createdAt),
  ],
);

export type AutoPurchaseDecision = typeof autoPurchaseDecisions.$inferSelect;
