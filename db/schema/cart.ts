import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { loans } from "./loans";
import { users } from "./users";

/**
 * A lender's cart: loans picked with an amount, invested together at checkout. Each item invests on its
 * own (lib/lending/cart.ts); an item that fails stays here with the reason of its last attempt.
 */
export const cartItems = pgTable(
  "cart_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    lenderId: uuid()
      .notNull()
      .references(() => users.id),
    loanId: uuid()
      .notNull()
      .references(() => loans.id),
    amount: bigint({ mode: "bigint" }).notNull(),
    /** Why the last checkout could not invest this item (error code, message and figures), null otherwise. */
    lastErrorCode: text(),
    lastError: jsonb().$type<{ message: string; details?: Record<string, unknown> }>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("cart_items_lender_loan_unique").on(t.lenderId, t.loanId),
    check("cart_items_amount_positive", sql`${t.amount} > 0`),
    index("cart_items_lender_idx").on(t.lenderId, t.createdAt),
  ],
);

export type CartItemRow = typeof cartItems.$inferSelect;
