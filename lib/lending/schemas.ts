import { z } from "zod";
import { zRupiah } from "@/lib/money/rupiah";

/**
 * Client-safe lending inputs. The risk disclosure's text and the questions' wording live in
 * messages/*.json (risk.*); a new disclosure text gets a new version, and every lender accepts it again.
 * Which option is right is known only to the server (lib/lending/risk.ts).
 */
export const RISK_DISCLOSURE_VERSION = "2026-11";

export const RISK_QUESTIONS = [
  { id: "guarantee", options: ["insured", "platform_repays", "can_lose"] },
  { id: "default", options: ["platform_pays", "collection", "interest_anyway"] },
  { id: "liquidity", options: ["anytime", "locked", "after_a_month"] },
  { id: "diversify", options: ["one_loan", "spread", "bigger_amounts"] },
] as const;
export type RiskQuestionId = (typeof RISK_QUESTIONS)[number]["id"];

export const AcceptRiskDisclosureInput = z.object({
  version: z.literal(RISK_DISCLOSURE_VERSION, { message: "disclosureOutdated" }),
  accepted: z.literal(true, { message: "mustAccept" }),
});
export type AcceptRiskDisclosureInput = z.input<typeof AcceptRiskDisclosureInput>;

export const AnswerRiskQuizInput = z.object(
  Object.fromEntries(RISK_QUESTIONS.map((q) => [q.id, z.enum(q.options as unknown as [string, ...string[]], { message: "chooseAnswer" })])) as Record<
    RiskQuestionId,
    z.ZodEnum<Record<string, string>>
  >,
);
export type AnswerRiskQuizInput = Record<RiskQuestionId, string>;

/** The lender's portfolio list: filters and sort live in the URL. */
export const PORTFOLIO_STATUSES = ["funding", "active", "late", "default", "repaid"] as const;
export type PortfolioStatus = (typeof PORTFOLIO_STATUSES)[number];
export const PORTFOLIO_SORTS = ["maturity_asc", "maturity_desc", "amount_desc", "amount_asc"] as const;
export const PortfolioQuery = z.object({
  status: z.enum(PORTFOLIO_STATUSES).optional().catch(undefined),
  sort: z.enum(PORTFOLIO_SORTS).catch("maturity_asc").default("maturity_asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});
export type PortfolioQuery = z.input<typeof PortfolioQuery>;

/** A statement month, yyyy-mm. */
export const StatementMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A month's statement (getMonthlyStatement): a month that is not one is NotFound. */
export const MonthlyStatementInput = z.object({ month: StatementMonth });
/** Loans whose last installment falls due within this many days (clamped to 0…366). */
export const MaturingInvestmentsInput = z.object({ withinDays: z.number() });
/** The lender's limit, with what they are about to buy counted as outstanding (default none). */
export const MyLenderLimitInput = z.object({ outstanding: z.bigint().default(0n) });

/** Cart inputs (the form and the server parse the same schemas). */
export const AddToCartInput = z.object({ loanId: z.string().uuid("notFound"), amount: zRupiah({ min: 1n }) });
export type AddToCartInput = z.input<typeof AddToCartInput>;
export const UpdateCartItemInput = z.object({ itemId: z.string().uuid("notFound"), amount: zRupiah({ min: 1n }) });
export type UpdateCartItemInput = z.input<typeof UpdateCartItemInput>;
export const RemoveFromCartInput = z.object({ itemId: z.string().uuid("notFound") });
export type RemoveFromCartInput = z.input<typeof RemoveFromCartInput>;
/** One id per confirmed checkout: each item's idempotency key is derived from it, so a retry invests each item once. */
export const CheckoutInput = z.object({ checkoutId: z.string().trim().min(8, "required").max(50, "tooLong") });
export type CheckoutInput = z.input<typeof CheckoutInput>;
