import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { loans } from "./loans";
import { users } from "./users";

export const topUpMethodEnum = pgEnum("topup_method", ["va", "qris"]);
export const topUpStatusEnum = pgEnum("topup_status", ["pending", "paid", "expired"]);
export const withdrawalStatusEnum = pgEnum("withdrawal_status", ["requested", "approved", "paid", "rejected"]);

/** A request to pay money into a wallet through the payment gateway (virtual account or QRIS). */
export const topUpRequests = pgTable(
  "topup_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    method: topUpMethodEnum().notNull(),
    /** Bank code for a virtual account (BCA, BNI, BRI, MANDIRI, PERMATA); null for QRIS. */
    bank: text(),
    vaNumber: text(),
    qrisPayload: text(),
    amount: bigint({ mode: "bigint" }).notNull(),
    /** pending until the gateway's webhook marks it paid; a pending request past expires_at reads as expired. */
    status: topUpStatusEnum().notNull().default("pending"),
    provider: text().notNull(),
    providerReference: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    paidAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * topup: credits the wallet. loan_repayment: a shareable payment link for a loan installment; the
     * webhook credits the wallet and then applies the repayment from it, in the same transaction.
     */
    purpose: text({ enum: ["topup", "loan_repayment"] }).notNull().default("topup"),
    loanId: uuid().references(() => loans.id),
  },
  (t) => [
    check("topup_requests_purpose_loan", sql`(${t.purpose} = 'loan_repayment') = (${t.loanId} is not null)`),
    index("topup_requests_loan_idx").on(t.loanId).where(sql`${t.loanId} is not null`),
    unique("topup_requests_provider_reference_unique").on(t.providerReference),
    index("topup_requests_user_created_idx").on(t.userId, t.createdAt),
    check("topup_requests_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** A user's saved bank account for withdrawals. Removed accounts are kept (withdrawals point at them). */
export const bankAccounts = pgTable(
  "bank_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    bankCode: text().notNull(),
    accountNumber: text().notNull(),
    holderName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("bank_accounts_user_idx").on(t.userId)],
);

/** Money leaving a wallet for a bank account: held in user_reserved until approved (paid out) or rejected. */
export const withdrawals = pgTable(
  "withdrawals",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    bankAccountId: uuid()
      .notNull()
      .references(() => bankAccounts.id),
    /** What reaches the bank account. */
    amount: bigint({ mode: "bigint" }).notNull(),
    /** Charged on top of the amount, kept by the platform when paid, refunded when rejected. */
    fee: bigint({ mode: "bigint" }).notNull(),
    status: withdrawalStatusEnum().notNull().default("requested"),
    reason: text(),
    /** The admin who decided; null when approved automatically. */
    decidedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    decidedAt: timestamp({ withTimezone: true }),
    payoutReference: text(),
  },
  (t) => [
    index("withdrawals_user_created_idx").on(t.userId, t.createdAt),
    index("withdrawals_status_created_idx").on(t.status, t.createdAt),
    check("withdrawals_amount_positive", sql`${t.amount} > 0`),
    check("withdrawals_fee_non_negative", sql`${t.fee} >= 0`),
  ],
);

/** Every webhook the gateway sent us, accepted or not, with the reason: the audit trail for payments. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    provider: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    providerReference: text(),
    topUpRequestId: uuid().references(() => topUpRequests.id),
    /** accepted (credited), duplicate (already credited, nothing moved) or rejected. */
    outcome: text({ enum: ["accepted", "duplicate", "rejected"] }).notNull(),
    reason: text(),
    statusCode: integer().notNull(),
    rawBody: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    index("webhook_deliveries_received_idx").on(t.receivedAt),
    index("webhook_deliveries_reference_idx").on(t.providerReference),
  ],
);

export type TopUpRequest = typeof topUpRequests.$inferSelect;
export type TopUpStatus = (typeof topUpStatusEnum.enumValues)[number];
export type TopUpMethod = (typeof topUpMethodEnum.enumValues)[number];
export type BankAccount = typeof bankAccounts.$inferSelect;
export type Withdrawal = typeof withdrawals.$inferSelect;
export type WithdrawalStatus = (typeof withdrawalStatusEnum.enumValues)[number];
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
