/**
 * The value sets the catalogue's enum properties take, copied from the domains' client-safe constants so
 * the catalogue stays a leaf module (zod only: the browser bundle and /api/track import it).
 * catalogue.test.ts compares each with its source (lib/<domain>/schemas.ts, db/schema), so they cannot drift.
 */
export const ROLES = ["lender", "borrower", "admin"] as const;
export const LOCALES = ["en", "id"] as const;
export const CLOCK_UNITS = ["hours", "days"] as const;
export const TOPUP_METHODS = ["va", "qris"] as const;
export const KYC_STEPS = ["identity", "selfie", "ktp_photo", "address", "occupation", "bank_account"] as const;
export const RISK_QUESTION_IDS = ["guarantee", "default", "liquidity", "diversify"] as const;
export const APPLICATION_STEPS = ["business", "financials", "loan", "documents"] as const;
export const DOCUMENT_KINDS = ["bank_statement", "business_licence", "id"] as const;
export const TENOR_UNITS = ["months", "days"] as const;
export const INVESTMENT_SOURCES = ["manual", "auto"] as const;
export const LOAN_STATUSES = ["funding", "funded", "cancelled", "active", "late", "default", "repaid", "written_off"] as const;
export const REPAYMENT_SOURCES = ["wallet", "payment_link", "early_payoff", "recovery"] as const;
export const SUBGRADES = ["A", "B", "C", "D", "E"].flatMap((g) => [1, 2, 3, 4, 5].map((n) => `${g}${n}`)) as unknown as readonly [string, ...string[]];
export const CHECKOUT_OUTCOMES = ["invested", "failed"] as const;
export const GOLD_TRADE_MODES = ["rupiah", "grams"] as const;
export const GOLD_TRADE_SOURCES = ["manual", "recurring"] as const;
export const GOLD_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export const GOLD_PLAN_ACTIONS = ["created", "updated", "paused", "resumed", "deleted"] as const;
export const GOLD_RECURRING_SKIP_REASONS = ["insufficient_cash", "kyc_required"] as const;
export const GOLD_ALERT_KINDS = ["buy_below", "sell_above"] as const;
export const GOLD_WITHDRAWAL_STATUSES = ["requested", "printed", "shipped", "delivered", "cancelled"] as const;
export const GOLD_WITHDRAWAL_ACTORS = ["admin", "user"] as const;
export const AUTO_PURCHASE_SKIP_REASONS = ["balance", "reserve", "limit", "exposure", "budget", "kyc", "risk_check", "loan_full", "below_minimum"] as const;
