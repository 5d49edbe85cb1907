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
