import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { autoPurchaseStrategies } from "./autopurchase";
import { users } from "./users";

/**
 * The loan engine. Money itself moves only in the ledger (lib/ledger); these tables hold the contract
 * (terms copied at approval), the schedule, who funded what, and what each payment paid for.
 * Rates are integer basis points (annual) or parts per million (daily), money is bigint rupiah.
 */
export const repaymentMethodEnum = pgEnum("repayment_method", ["annuity", "flat", "bullet"]);
export const tenorUnitEnum = pgEnum("tenor_unit", ["months", "days"]);
export const applicationStatusEnum = pgEnum("loan_application_status", [
  "draft",
  "submitted",
  "in_review",
  "needs_info",
  "approved",
  "rejected",
  "declined",
]);
export const loanStatusEnum = pgEnum("loan_status", [
  "funding",
  "funded",
  "cancelled",
  "active",
  "late",
  "default",
  "repaid",
  "written_off",
]);
export const investmentStatusEnum = pgEnum("loan_investment_status", ["reserved", "active", "released"]);
export const documentKindEnum = pgEnum("application_document_kind", ["bank_statement", "business_licence", "id"]);

/** Rate band per grade letter, bps as numbers (JSON has no bigint; a rate never exceeds 2^53). */
export type RateBandsJson = Record<"A" | "B" | "C" | "D" | "E", { minRateBps: number; maxRateBps: number }>;

/** Admin-managed products. Loans copy these terms at approval, so editing a product never changes issued loans. */
export const loanProducts = pgTable(
  "loan_products",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    minAmount: bigint({ mode: "bigint" }).notNull(),
    maxAmount: bigint({ mode: "bigint" }).notNull(),
    tenorUnit: tenorUnitEnum().notNull(),
    minTenor: integer().notNull(),
    maxTenor: integer().notNull(),
    method: repaymentMethodEnum().notNull(),
    platformFeeBps: integer().notNull(),
    lateFeeDailyPpm: integer().notNull(),
    serviceFeeBps: integer().notNull().default(100),
    minInvestment: bigint({ mode: "bigint" }).notNull().default(sql`100000`),
    investmentStep: bigint({ mode: "bigint" }).notNull().default(sql`100000`),
    fundingWindowDays: integer().notNull().default(14),
    holdbackBps: integer().notNull().default(2000),
    holdbackHours: integer().notNull().default(24),
    rateBands: jsonb().$type<RateBandsJson>().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("loan_products_code_unique").on(t.code),
    check("loan_products_amounts", sql`${t.minAmount} > 0 and ${t.maxAmount} >= ${t.minAmount}`),
    check("loan_products_tenors", sql`${t.minTenor} > 0 and ${t.maxTenor} >= ${t.minTenor}`),
    check("loan_products_steps", sql`${t.investmentStep} > 0 and ${t.minInvestment} > 0`),
  ],
);

/** Regulatory caps as data: the row with the latest effective_from on or before a date is in force. */
export const regulatoryCaps = pgTable(
  "regulatory_caps",
  {
    id: uuid().primaryKey().defaultRandom(),
    segment: text({ enum: ["business"] }).notNull(),
    tenorBucket: text({ enum: ["short", "long"] }).notNull(),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    maxDailyCostPpm: bigint({ mode: "bigint" }).notNull(),
    maxLateFeeDailyPpm: bigint({ mode: "bigint" }).notNull(),
    maxTotalCostPct: bigint({ mode: "bigint" }).notNull(),
    maxOutstandingPerBorrower: bigint({ mode: "bigint" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique("regulatory_caps_key_unique").on(t.segment, t.tenorBucket, t.effectiveFrom)],
);

export type BusinessProfileJson = {
  legalName?: string;
  nib?: string;
  npwp?: string;
  sector?: string;
  city?: string;
  yearsOperating?: number;
  employees?: number;
};
export type FinancialsJson = { monthlyRevenue?: string; monthlyExpenses?: string; existingLoans?: string; otherPlatforms?: number };

export const loanApplications = pgTable(
  "loan_applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    borrowerId: uuid()
      .notNull()
      .references(() => users.id),
    status: applicationStatusEnum().notNull().default("draft"),
    /** The steps saved so far (business, financials, loan, documents), for resuming and nudging. */
    completedSteps: jsonb().$type<string[]>().notNull().default([]),
    business: jsonb().$type<BusinessProfileJson>().notNull().default({}),
    financials: jsonb().$type<FinancialsJson>().notNull().default({}),
    productId: uuid().references(() => loanProducts.id),
    amount: bigint({ mode: "bigint" }),
    tenor: integer(),
    purpose: text(),
    score: integer(),
    subgrade: text(),
    rateBps: integer(),
    scorecard: jsonb().$type<Record<string, unknown>>(),
    decisionReason: text(),
    reviewedBy: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("loan_applications_borrower_idx").on(t.borrowerId, t.createdAt),
    index("loan_applications_queue_idx").on(t.status, t.submittedAt),
    index("loan_applications_product_idx").on(t.productId, t.status),
  ],
);

export const applicationDocuments = pgTable(
  "application_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => loanApplications.id),
    kind: documentKindEnum().notNull(),
    storageKey: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    fileName: text().notNull(),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("application_documents_application_idx").on(t.applicationId, t.kind)],
);

/** An admin's request for more information and the borrower's answer. */
export const applicationQuestions = pgTable(
  "application_questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => loanApplications.id),
    askedBy: uuid()
      .notNull()
      .references(() => users.id),
    question: text().notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull(),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("application_questions_application_idx").on(t.applicationId, t.askedAt)],
);

export const loans = pgTable(
  "loans",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => loanApplications.id),
    borrowerId: uuid()
      .notNull()
      .references(() => users.id),
    productId: uuid()
      .notNull()
      .references(() => loanProducts.id),
    productCode: text().notNull(),
    /** The product's terms at approval, whole, for the agreement and audits. */
    terms: jsonb().$type<Record<string, unknown>>().notNull(),
    principal: bigint({ mode: "bigint" }).notNull(),
    rateBps: integer().notNull(),
    subgrade: text().notNull(),
    tenorUnit: tenorUnitEnum().notNull(),
    tenor: integer().notNull(),
    method: repaymentMethodEnum().notNull(),
    platformFee: bigint({ mode: "bigint" }).notNull(),
    lateFeeDailyPpm: integer().notNull(),
    serviceFeeBps: integer().notNull(),
    minInvestment: bigint({ mode: "bigint" }).notNull(),
    investmentStep: bigint({ mode: "bigint" }).notNull(),
    /** The part only manual investors may fill until holdback_until. */
    holdbackAmount: bigint({ mode: "bigint" }).notNull(),
    purpose: text().notNull(),
    sector: text().notNull(),
    status: loanStatusEnum().notNull().default("funding"),
    /** Grows with each investment; the CHECK makes the database refuse overfunding whatever the concurrency. */
    fundedAmount: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    listedAt: timestamp({ withTimezone: true }).notNull(),
    holdbackUntil: timestamp({ withTimezone: true }).notNull(),
    fundingDeadline: timestamp({ withTimezone: true }).notNull(),
    fundedAt: timestamp({ withTimezone: true }),
    agreementAcceptedAt: timestamp({ withTimezone: true }),
    disbursedAt: timestamp({ withTimezone: true }),
    scheduleVersion: integer().notNull().default(1),
    /** Start of the current schedule's first period: disbursement, or the restructuring date. */
    scheduleStartAt: timestamp({ withTimezone: true }),
    lateFeeCharged: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    lateFeePaid: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    principalPaid: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    daysPastDue: integer().notNull().default(0),
    /** The last calendar day (Asia/Jakarta) the servicing job processed. */
    lastServicedOn: date({ mode: "string" }),
    defaultedAt: timestamp({ withTimezone: true }),
    writtenOffAt: timestamp({ withTimezone: true }),
    recovered: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    repaidAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique("loans_application_unique").on(t.applicationId),
    check("loans_funded_within_principal", sql`${t.fundedAmount} >= 0 and ${t.fundedAmount} <= ${t.principal}`),
    check("loans_principal_positive", sql`${t.principal} > 0`),
    check("loans_late_fee_paid_within_charged", sql`${t.lateFeePaid} >= 0 and ${t.lateFeePaid} <= ${t.lateFeeCharged}`),
    index("loans_status_listed_idx").on(t.status, t.listedAt),
    index("loans_status_deadline_idx").on(t.status, t.fundingDeadline),
    index("loans_borrower_idx").on(t.borrowerId, t.createdAt),
    index("loans_status_serviced_idx").on(t.status, t.lastServicedOn),
    index("loans_product_status_idx").on(t.productId, t.status),
  ],
);

export const loanInvestments = pgTable(
  "loan_investments",
  {
    id: uuid().primaryKey().defaultRandom(),
    loanId: uuid()
      .notNull()
      .references(() => loans.id),
    lenderId: uuid()
      .notNull()
      .references(() => users.id),
    amount: bigint({ mode: "bigint" }).notNull(),
    status: investmentStatusEnum().notNull().default("reserved"),
    source: text({ enum: ["manual", "auto"] }).notNull(),
    idempotencyKey: text().notNull(),
    /**
     * The auto-purchase strategy that bought it (source "auto"), null for manual investments. A purchase
     * is this row itself: auto-purchase keeps no separate "bought" record (lib/autopurchase/match.ts), and
     * a strategy's budget use is the sum of its investments.
     */
    autoStrategyId: uuid().references(() => autoPurchaseStrategies.id),
    restructureConsentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("loan_investments_idempotency_unique").on(t.idempotencyKey),
    check("loan_investments_amount_positive", sql`${t.amount} > 0`),
    index("loan_investments_loan_idx").on(t.loanId, t.status),
    index("loan_investments_lender_idx").on(t.lenderId, t.createdAt),
    check("loan_investments_auto_strategy", sql`(${t.autoStrategyId} is null) or (${t.source} = 'auto')`),
    // A strategy's purchases and budget use (lib/autopurchase).
    index("loan_investments_auto_strategy_idx").on(t.autoStrategyId, t.createdAt).where(sql`${t.autoStrategyId} is not null`),
  ],
);

export const installments = pgTable(
  "installments",
  {
    id: uuid().primaryKey().defaultRandom(),
    loanId: uuid()
      .notNull()
      .references(() => loans.id),
    scheduleVersion: integer().notNull(),
    number: integer().notNull(),
    dueDate: timestamp({ withTimezone: true }).notNull(),
    principal: bigint({ mode: "bigint" }).notNull(),
    interest: bigint({ mode: "bigint" }).notNull(),
    principalPaid: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    interestPaid: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    /** Interest forgiven by an early payoff (only accrued interest is charged). */
    interestWaived: bigint({ mode: "bigint" }).notNull().default(sql`0`),
    paidAt: timestamp({ withTimezone: true }),
    reminderSentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("installments_loan_version_number_unique").on(t.loanId, t.scheduleVersion, t.number),
    check("installments_paid_within", sql`${t.principalPaid} <= ${t.principal} and ${t.interestPaid} + ${t.interestWaived} <= ${t.interest}`),
    index("installments_due_unpaid_idx").on(t.dueDate).where(sql`${t.paidAt} is null`),
  ],
);

export const loanRepayments = pgTable(
  "loan_repayments",
  {
    id: uuid().primaryKey().defaultRandom(),
    loanId: uuid()
      .notNull()
      .references(() => loans.id),
    payerId: uuid().references(() => users.id),
    source: text({ enum: ["wallet", "payment_link", "early_payoff", "recovery"] }).notNull(),
    amount: bigint({ mode: "bigint" }).notNull(),
    principal: bigint({ mode: "bigint" }).notNull(),
    interest: bigint({ mode: "bigint" }).notNull(),
    lateFee: bigint({ mode: "bigint" }).notNull(),
    serviceFee: bigint({ mode: "bigint" }).notNull(),
    allocations: jsonb().$type<{ number: number; interest: string; principal: string }[]>().notNull().default([]),
    idempotencyKey: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique("loan_repayments_idempotency_unique").on(t.idempotencyKey), index("loan_repayments_loan_idx").on(t.loanId, t.occurredAt)],
);

export const lenderDistributions = pgTable(
  "lender_distributions",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    repaymentId: uuid()
      .notNull()
      .references(() => loanRepayments.id),
    investmentId: uuid()
      .notNull()
      .references(() => loanInvestments.id),
    lenderId: uuid()
      .notNull()
      .references(() => users.id),
    principal: bigint({ mode: "bigint" }).notNull(),
    interest: bigint({ mode: "bigint" }).notNull(),
    lateFee: bigint({ mode: "bigint" }).notNull(),
    serviceFee: bigint({ mode: "bigint" }).notNull(),
    net: bigint({ mode: "bigint" }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("lender_distributions_repayment_idx").on(t.repaymentId),
    index("lender_distributions_lender_idx").on(t.lenderId, t.occurredAt),
    index("lender_distributions_investment_idx").on(t.investmentId),
  ],
);

/** One row per loan per serviced day: the daily job's idempotency key. */
export const servicingRuns = pgTable(
  "servicing_runs",
  {
    loanId: uuid()
      .notNull()
      .references(() => loans.id),
    day: date({ mode: "string" }).notNull(),
    daysPastDue: integer().notNull(),
    lateFee: bigint({ mode: "bigint" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique("servicing_runs_loan_day_unique").on(t.loanId, t.day)],
);

/** A proposed new schedule; applied once every lender of the loan has consented. */
export const loanRestructures = pgTable(
  "loan_restructures",
  {
    id: uuid().primaryKey().defaultRandom(),
    loanId: uuid()
      .notNull()
      .references(() => loans.id),
    status: text({ enum: ["proposed", "applied", "withdrawn"] }).notNull(),
    newTenor: integer().notNull(),
    newRateBps: integer().notNull(),
    reason: text().notNull(),
    proposedBy: uuid()
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp({ withTimezone: true }).notNull(),
    appliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("loan_restructures_loan_idx").on(t.loanId, t.status)],
);

export const restructureConsents = pgTable(
  "restructure_consents",
  {
    restructureId: uuid()
      .notNull()
      .references(() => loanRestructures.id),
    lenderId: uuid()
      .notNull()
      .references(() => users.id),
    consentedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique("restructure_consents_unique").on(t.restructureId, t.lenderId)],
);

export type LoanProduct = typeof loanProducts.$inferSelect;
export type RegulatoryCapRow = typeof regulatoryCaps.$inferSelect;
export type LoanApplication = typeof loanApplications.$inferSelect;
export type ApplicationStatus = (typeof applicationStatusEnum.enumValues)[number];
export type Loan = typeof loans.$inferSelect;
export type LoanStatus = (typeof loanStatusEnum.enumValues)[number];
export type LoanInvestment = typeof loanInvestments.$inferSelect;
export type InstallmentRow = typeof installments.$inferSelect;
export type LoanRepayment = typeof loanRepayments.$inferSelect;
