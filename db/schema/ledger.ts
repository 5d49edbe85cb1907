import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

/**
 * The double-entry ledger. lib/ledger is the only writer of these tables.
 *
 * Sign convention: for EVERY account, balance = sum(credits) − sum(debits). A user's cash grows when
 * it is credited; the platform's side of money held for users (gateway clearing, gold inventory…)
 * therefore runs negative. A top-up is debit gateway_clearing → credit user_cash; a withdrawal payout
 * is debit user_reserved → credit payout_clearing. Per unit, all balances add up to zero.
 *
 * Units: IDR is integer rupiah; XAU is integer units of 0.0001 g of gold. Amounts are bigint.
 */
export const ledgerOwnerTypeEnum = pgEnum("ledger_owner_type", ["user", "loan", "platform"]);
export const ledgerUnitEnum = pgEnum("ledger_unit", ["IDR", "XAU"]);

export type LedgerOwnerType = (typeof ledgerOwnerTypeEnum.enumValues)[number];
export type LedgerUnit = (typeof ledgerUnitEnum.enumValues)[number];

export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerType: ledgerOwnerTypeEnum().notNull(),
    /** The user or loan; null for platform accounts (one per type and unit). */
    ownerId: uuid(),
    /** One of ACCOUNT_TYPES in lib/ledger/account-types.ts; text so later areas add types without a migration. */
    type: text().notNull(),
    unit: ledgerUnitEnum().notNull(),
    /** Cached: always equal to credits − debits of this account's transfers (checked by ledger health). */
    balance: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    /** Clearing, revenue and inventory accounts may run negative; user and loan money never does. */
    allowNegative: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("ledger_accounts_owner_type_unit_unique").on(t.ownerType, t.ownerId, t.type, t.unit).nullsNotDistinct(),
    // Target of the transfers' (account, unit) foreign keys: a transfer can only move its accounts' unit.
    unique("ledger_accounts_id_unit_unique").on(t.id, t.unit),
    check("ledger_accounts_balance_non_negative", sql`${t.allowNegative} or ${t.balance} >= 0`),
    check("ledger_accounts_owner_present", sql`(${t.ownerType} = 'platform') = (${t.ownerId} is null)`),
  ],
);

/** Append-only (a trigger refuses UPDATE and DELETE): a mistake is corrected by a reversing transfer. */
export const ledgerTransfers = pgTable(
  "ledger_transfers",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    debitAccountId: uuid().notNull(),
    creditAccountId: uuid().notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    unit: ledgerUnitEnum().notNull(),
    /** What kind of movement this is (topup, withdrawal, withdrawal_fee, reversal…), for history and reports. */
    kind: text().notNull(),
    idempotencyKey: text().notNull(),
    /** The business object that caused it: e.g. ("topup", <topup request id>), ("withdrawal", <id>). */
    referenceType: text().notNull(),
    referenceId: text().notNull(),
    reversesTransferId: bigint({ mode: "bigint" }).references((): AnyPgColumn => ledgerTransfers.id),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    unique("ledger_transfers_idempotency_key_unique").on(t.idempotencyKey),
    // A transfer is reversed at most once. Partial: the reversals are few, and every other transfer would
    // otherwise add a NULL entry to this index.
    uniqueIndex("ledger_transfers_reverses_unique").on(t.reversesTransferId).where(sql`${t.reversesTransferId} is not null`),
    check("ledger_transfers_amount_positive", sql`${t.amount} > 0`),
    check("ledger_transfers_distinct_accounts", sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    foreignKey({
      name: "ledger_transfers_debit_account_fk",
      columns: [t.debitAccountId, t.unit],
      foreignColumns: [ledgerAccounts.id, ledgerAccounts.unit],
    }),
    foreignKey({
      name: "ledger_transfers_credit_account_fk",
      columns: [t.creditAccountId, t.unit],
      foreignColumns: [ledgerAccounts.id, ledgerAccounts.unit],
    }),
    index("ledger_transfers_debit_time_idx").on(t.debitAccountId, t.occurredAt),
    index("ledger_transfers_credit_time_idx").on(t.creditAccountId, t.occurredAt),
    index("ledger_transfers_reference_idx").on(t.referenceType, t.referenceId),
  ],
);

export type LedgerAccount = typeof ledgerAccounts.$inferSelect;
export type LedgerTransfer = typeof ledgerTransfers.$inferSelect;
