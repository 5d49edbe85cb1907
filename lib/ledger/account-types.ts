import type { LedgerOwnerType, LedgerUnit } from "@/db/schema";

/**
 * The catalogue of ledger account types. Each type belongs to one kind of owner, holds one unit and
 * either may run negative (the platform's side: clearing, revenue, inventory) or never may (money and
 * gold that belong to a user or a loan). Later areas add their types here; the column is text, so no
 * migration is needed. Balance = credits − debits for every account (see db/schema/ledger.ts).
 */
export const ACCOUNT_TYPES = {
  // A user's spendable rupiah.
  user_cash: { owner: "user", unit: "IDR", allowNegative: false },
  // A user's rupiah held for something pending (withdrawals; later, investments awaiting funding).
  user_reserved: { owner: "user", unit: "IDR", allowNegative: false },
  // A user's gold and gold held for a pending sale or withdrawal (gold issue).
  user_gold: { owner: "user", unit: "XAU", allowNegative: false },
  user_gold_reserved: { owner: "user", unit: "XAU", allowNegative: false },
  // A lender's rupiah committed to loans that are still funding: released if the loan is cancelled,
  // moved to the loan's escrow at disbursement. Separate from user_reserved (withdrawals) so each
  // reservation can be reconciled against its own table.
  lender_reserved: { owner: "user", unit: "IDR", allowNegative: false },
  // Lenders' money collected for a loan at disbursement; emptied in the same transaction into the
  // platform fee and the borrower's wallet, so it is zero between transactions.
  loan_escrow: { owner: "loan", unit: "IDR", allowNegative: false },
  // A borrower's payment on its way to the lenders: credited from the borrower, emptied to lenders and
  // the service fee in the same transaction (zero between transactions; ledger health proves it).
  loan_collections: { owner: "loan", unit: "IDR", allowNegative: false },
  // What the borrower owes on a loan; the platform-side asset, so it runs negative.
  loan_receivable: { owner: "loan", unit: "IDR", allowNegative: true },
  // Money the payment gateway has collected for us: debited when a top-up arrives.
  gateway_clearing: { owner: "platform", unit: "IDR", allowNegative: true },
  // Money on its way to users' banks: credited when a withdrawal is paid out.
  payout_clearing: { owner: "platform", unit: "IDR", allowNegative: true },
  // Platform fees on loans (loans issue) and on withdrawals.
  fee_revenue: { owner: "platform", unit: "IDR", allowNegative: true },
  withdrawal_fee_revenue: { owner: "platform", unit: "IDR", allowNegative: true },
  // The lender service fee kept from each repayment's interest and late fees (loans issue).
  lender_service_fee_revenue: { owner: "platform", unit: "IDR", allowNegative: true },
  // Money recovered on written-off loans outside the wallet (collection agents), before distribution.
  recovery_clearing: { owner: "platform", unit: "IDR", allowNegative: true },
  // Gold the platform holds against users' gold, and the rupiah side of gold trades (gold issue).
  gold_inventory: { owner: "platform", unit: "XAU", allowNegative: true },
  gold_trading: { owner: "platform", unit: "IDR", allowNegative: true },
  // Printing and delivery fees of physical gold bars (refunded if the request is cancelled).
  gold_withdrawal_fee_revenue: { owner: "platform", unit: "IDR", allowNegative: true },
} as const satisfies Record<string, { owner: LedgerOwnerType; unit: LedgerUnit; allowNegative: boolean }>;

export type AccountType = keyof typeof ACCOUNT_TYPES;
export type UserAccountType = { [K in AccountType]: (typeof ACCOUNT_TYPES)[K]["owner"] extends "user" ? K : never }[AccountType];
export type LoanAccountType = { [K in AccountType]: (typeof ACCOUNT_TYPES)[K]["owner"] extends "loan" ? K : never }[AccountType];
export type PlatformAccountType = {
  [K in AccountType]: (typeof ACCOUNT_TYPES)[K]["owner"] extends "platform" ? K : never;
}[AccountType];

export function isAccountType(value: string): value is AccountType {
  return Object.prototype.hasOwnProperty.call(ACCOUNT_TYPES, value);
}
