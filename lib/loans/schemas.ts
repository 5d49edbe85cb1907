import { z } from "zod";
import type { Loan } from "@/db/schema";
import type { LenderGate } from "./internal/lender-gate";
import { bpsToPercentInput, ppmToPercentInput, zPercentBps, zPercentPpm } from "@/lib/money/percent";
import { zRupiah } from "@/lib/money/rupiah";
import { SECTORS } from "./scoring";
import { SUBGRADES } from "./grades";

/**
 * Client-safe inputs of the loan engine: the apply form uses them through zodResolver and the verbs
 * parse again. Messages are translation keys under "validation" in messages/*.json.
 */

/** NIB (Nomor Induk Berusaha): 13 digits. */
export const NIB_PATTERN = /^\d{13}$/;
/** NPWP: 15 digits (old, optionally as 00.000.000.0-000.000) or 16 digits (NIK-based, from 2024). */
export const NPWP_PATTERN = /^(\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}|\d{15}|\d{16})$/;
/** OJK: a borrower may owe to at most three P2P platforms at once. */
export const MAX_OTHER_PLATFORMS_INPUT = 3;

export const APPLICATION_STEPS = ["business", "financials", "loan", "documents"] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export const BusinessStepInput = z.object({
  legalName: z.string().trim().min(3, "required").max(200, "tooLong"),
  nib: z.string().trim().regex(NIB_PATTERN, "nibFormat"),
  npwp: z.string().trim().regex(NPWP_PATTERN, "npwpFormat"),
  sector: z.enum(SECTORS, { message: "required" }),
  city: z.string().trim().min(2, "required").max(100, "tooLong"),
  yearsOperating: z.coerce.number<number>().int("wholeNumber").min(0, "tooSmall").max(100, "tooLarge"),
  employees: z.coerce.number<number>().int("wholeNumber").min(0, "tooSmall").max(100_000, "tooLarge"),
});
export type BusinessStepInput = z.input<typeof BusinessStepInput>;

export const FinancialsStepInput = z.object({
  monthlyRevenue: zRupiah({ min: 0n }),
  monthlyExpenses: zRupiah({ min: 0n }),
  existingLoans: zRupiah({ min: 0n }),
  otherPlatforms: z.coerce
    .number<number>()
    .int("wholeNumber")
    .min(0, "tooSmall")
    .max(MAX_OTHER_PLATFORMS_INPUT, "tooManyPlatforms"),
});
export type FinancialsStepInput = z.input<typeof FinancialsStepInput>;

export const LoanStepInput = z.object({
  productId: z.string().uuid("required"),
  amount: zRupiah({ min: 1n }),
  /** Months, or days for invoice financing (the product says which). */
  tenor: z.coerce.number<number>().int("wholeNumber").min(1, "tooSmall").max(3650, "tooLarge"),
  purpose: z.string().trim().min(10, "tooShort").max(500, "tooLong"),
});
export type LoanStepInput = z.input<typeof LoanStepInput>;

export const SaveApplicationStepInput = z.discriminatedUnion("step", [
  z.object({ applicationId: z.string().uuid().optional(), step: z.literal("business"), data: BusinessStepInput }),
  z.object({ applicationId: z.string().uuid().optional(), step: z.literal("financials"), data: FinancialsStepInput }),
  z.object({ applicationId: z.string().uuid().optional(), step: z.literal("loan"), data: LoanStepInput }),
  // The documents step has no fields: files are uploaded one by one; saving it checks they are there.
  z.object({ applicationId: z.string().uuid(), step: z.literal("documents"), data: z.object({}).default({}) }),
]);
export type SaveApplicationStepInput = z.input<typeof SaveApplicationStepInput>;

export const DOCUMENT_KINDS = ["bank_statement", "business_licence", "id"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const UploadDocumentInput = z.object({
  applicationId: z.string().uuid("notFound"),
  kind: z.enum(DOCUMENT_KINDS, { message: "required" }),
  fileName: z.string().trim().min(1, "required").max(200, "tooLong"),
});

/** The upload verb's input: the form's fields and the file's bytes (the server action reads them from the FormData). */
export const UploadDocumentFileInput = UploadDocumentInput.extend({ bytes: z.instanceof(Uint8Array, { message: "fileEmpty" }) });

export const ApplicationIdInput = z.object({ applicationId: z.string().uuid("notFound") });
export const LoanIdInput = z.object({ loanId: z.string().uuid("notFound") });
export const DocumentIdInput = z.object({ documentId: z.string().uuid("notFound") });
/** Live funding figures: ids that are not loan ids are left out (not an error: the page polls what it shows). */
export const FundingProgressInput = z.object({ ids: z.array(z.string()) });
/** Admins may list products closed for applications too. */
export const ListLoanProductsInput = z.object({ includeInactive: z.boolean().default(false) });
/** The daily servicing run services every missing day up to this one (default: today by the clock). */
export const RunServicingInput = z.object({ upTo: z.date().optional() });

export const ApproveApplicationInput = z.object({
  applicationId: z.string().uuid("notFound"),
  /** Optional overrides; both must stay within the product's band and the caps. The rate is typed as % a year ("13.5"), parsed to bps. */
  subgrade: z.enum(SUBGRADES as [string, ...string[]]).optional(),
  rateBps: zPercentBps({ max: 100_000 }).optional(),
});
export const RejectApplicationInput = z.object({
  applicationId: z.string().uuid("notFound"),
  reason: z.string().trim().min(5, "tooShort").max(1000, "tooLong"),
});
export const AskForInformationInput = z.object({
  applicationId: z.string().uuid("notFound"),
  question: z.string().trim().min(5, "tooShort").max(1000, "tooLong"),
});
export const AnswerQuestionInput = z.object({
  applicationId: z.string().uuid("notFound"),
  answer: z.string().trim().min(2, "tooShort").max(2000, "tooLong"),
});

export const InvestInput = z.object({
  loanId: z.string().uuid("notFound"),
  amount: zRupiah({ min: 1n }),
  /** The client makes one per attempt (crypto.randomUUID()), so a retried request invests once. */
  idempotencyKey: z.string().trim().min(8, "required").max(100, "tooLong"),
  /**
   * "auto" applies auto-purchase's holdback ceiling (tests of the rule; the auto-purchase batch buys
   * through investMany). The lender's own requests (invest action, cart checkout) set "manual".
   */
  source: z.enum(["manual", "auto"]).default("manual"),
});
export type InvestInput = z.input<typeof InvestInput>;

/**
 * investMany (the auto-purchase batch, lib/loans/invest-many.ts): many lenders buy one loan in the
 * caller's transaction (ctx.tx). `gates`: lenderGateMany() already read in that transaction;
 * `deferEvents`: return the loan_invested events instead of inserting them; `lockedLoan`: the loan row
 * as the caller read it with FOR UPDATE (then not locked and read again).
 */
export const InvestManyInput = z.object({
  loanId: z.string().uuid("notFound"),
  items: z.array(
    z.object({
      lenderId: z.string(),
      amount: z.bigint(),
      idempotencyKey: z.string().min(1).max(100),
      /** The auto-purchase strategy buying it (source "auto"): stored on the investment (loan_investments.auto_strategy_id). */
      autoStrategyId: z.string().optional(),
    }),
  ),
  source: z.enum(["manual", "auto"]).default("auto"),
  gates: z.custom<Map<string, LenderGate>>((v) => v instanceof Map).optional(),
  deferEvents: z.boolean().default(false),
  lockedLoan: z.custom<Loan>((v) => typeof v === "object" && v !== null && "id" in v).optional(),
});

export const RepayInput = z.object({
  loanId: z.string().uuid("notFound"),
  /** Omit to pay what is due now plus the next installment. */
  amount: zRupiah({ min: 1n }).optional(),
  idempotencyKey: z.string().trim().min(8, "required").max(100, "tooLong"),
});
export type RepayInput = z.input<typeof RepayInput>;

export const EarlyPayoffInput = z.object({
  loanId: z.string().uuid("notFound"),
  idempotencyKey: z.string().trim().min(8, "required").max(100, "tooLong"),
});

export const RepaymentLinkInput = z.discriminatedUnion("method", [
  z.object({ loanId: z.string().uuid("notFound"), method: z.literal("va"), bank: z.enum(["BCA", "BNI", "BRI", "MANDIRI", "PERMATA"], { message: "bankRequired" }) }),
  z.object({ loanId: z.string().uuid("notFound"), method: z.literal("qris") }),
]);

export const ProposeRestructureInput = z.object({
  loanId: z.string().uuid("notFound"),
  /** The new tenor for the remaining principal, counted from today, in the loan's tenor unit. */
  newTenor: z.coerce.number<number>().int("wholeNumber").min(1, "tooSmall").max(120, "tooLarge"),
  /** Typed as % a year ("13.5" or "13,5"), parsed to bps. */
  newRateBps: zPercentBps({ max: 100_000 }),
  reason: z.string().trim().min(5, "tooShort").max(1000, "tooLong"),
});
export const RestructureConsentInput = z.object({ restructureId: z.string().uuid("notFound") });
export const WriteOffInput = z.object({ loanId: z.string().uuid("notFound"), reason: z.string().trim().min(5, "tooShort").max(1000) });
export const RecoveryInput = z.object({
  loanId: z.string().uuid("notFound"),
  amount: zRupiah({ min: 1n }),
  idempotencyKey: z.string().trim().min(8, "required").max(100, "tooLong"),
});

const page = {
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
};

export const ReviewQueueQuery = z.object({
  ...page,
  status: z.enum(["submitted", "in_review", "needs_info", "approved", "rejected", "declined"]).optional(),
  productId: z.string().uuid().optional(),
  grade: z.enum(["A", "B", "C", "D", "E"]).optional(),
  /** Only applications submitted at least this many days ago. */
  minAgeDays: z.coerce.number<number>().int().min(0).optional(),
});
export type ReviewQueueQuery = z.input<typeof ReviewQueueQuery>;

export const MarketplaceQuery = z.object({
  ...page,
  productId: z.string().uuid().optional(),
  grades: z.array(z.enum(["A", "B", "C", "D", "E"])).optional(),
  tenorMin: z.coerce.number<number>().int().min(1).optional(),
  tenorMax: z.coerce.number<number>().int().min(1).optional(),
  tenorUnit: z.enum(["months", "days"]).optional(),
  minRateBps: z.coerce.number<number>().int().min(0).optional(),
  sector: z.enum(SECTORS).optional(),
  sort: z.enum(["rate_desc", "rate_asc", "time_left", "funded_pct", "newest"]).default("newest"),
});
export type MarketplaceQuery = z.input<typeof MarketplaceQuery>;

const rateBand = z.object({ minRateBps: zPercentBps(), maxRateBps: zPercentBps() });

/**
 * A product's terms: set when an admin creates it (CreateLoanProductInput), editable later. Rates and
 * fees are typed as percentages (the band "13.5" % a year, the platform fee "3" % of principal, the late
 * fee "0.067" % of the overdue amount per day) and parsed exactly to the stored bps / ppm;
 * productFormValues() fills the edit form from a stored product.
 */
const productTerms = {
    name: z.string().trim().min(2, "required").max(100, "tooLong"),
    minAmount: zRupiah({ min: 1n }),
    maxAmount: zRupiah({ min: 1n }),
    minTenor: z.coerce.number<number>().int("wholeNumber").min(1, "tooSmall"),
    maxTenor: z.coerce.number<number>().int("wholeNumber").min(1, "tooSmall"),
    platformFeeBps: zPercentBps(),
    lateFeeDailyPpm: zPercentPpm(),
    serviceFeeBps: zPercentBps(),
    minInvestment: zRupiah({ min: 1n }),
    investmentStep: zRupiah({ min: 1n }),
    fundingWindowDays: z.coerce.number<number>().int("wholeNumber").min(1).max(60),
    holdbackBps: zPercentBps(),
    rateBands: z.object({ A: rateBand, B: rateBand, C: rateBand, D: rateBand, E: rateBand }),
    active: z.boolean(),
};
type ProductTerms = z.output<z.ZodObject<typeof productTerms>>;
function checkTerms(p: ProductTerms, ctx: z.RefinementCtx) {
  if (p.maxAmount < p.minAmount) ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "tooSmall" });
  if (p.maxTenor < p.minTenor) ctx.addIssue({ code: "custom", path: ["maxTenor"], message: "tooSmall" });
  if (!Object.values(p.rateBands).every((b) => b.maxRateBps >= b.minRateBps)) ctx.addIssue({ code: "custom", path: ["rateBands"], message: "rateOutOfBand" });
}

/** Admin: edit a product's terms. Loans already approved keep their own copy. */
export const UpdateLoanProductInput = z.object({ productId: z.string().uuid("notFound"), ...productTerms }).superRefine(checkTerms);
export type UpdateLoanProductInput = z.input<typeof UpdateLoanProductInput>;

export const PRODUCT_TENOR_UNITS = ["months", "days"] as const;
export const PRODUCT_METHODS = ["annuity", "flat", "bullet"] as const;
/**
 * Admin: a new product. The code (lower-case letters, digits and dashes, unique) names it in URLs,
 * strategies and reports; it and the tenor unit and repayment method are fixed once loans use them,
 * so only create sets them.
 */
export const CreateLoanProductInput = z
  .object({
    code: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "productCodeInvalid").min(3, "productCodeInvalid").max(40, "productCodeInvalid"),
    tenorUnit: z.enum(PRODUCT_TENOR_UNITS, { message: "required" }),
    method: z.enum(PRODUCT_METHODS, { message: "required" }),
    ...productTerms,
  })
  .superRefine(checkTerms);
export type CreateLoanProductInput = z.input<typeof CreateLoanProductInput>;

type StoredProduct = {
  id: string;
  name: string;
  minAmount: bigint;
  maxAmount: bigint;
  minTenor: number;
  maxTenor: number;
  platformFeeBps: number;
  lateFeeDailyPpm: number;
  serviceFeeBps: number;
  minInvestment: bigint;
  investmentStep: bigint;
  fundingWindowDays: number;
  holdbackBps: number;
  rateBands: unknown;
  active: boolean;
};

/** A stored product as the edit form's values (amounts as digits, rates and fees as percent strings). */
export function productFormValues(p: StoredProduct) {
  const bands = p.rateBands as Record<string, { minRateBps: number; maxRateBps: number }>;
  return {
    productId: p.id,
    name: p.name,
    minAmount: p.minAmount.toString(),
    maxAmount: p.maxAmount.toString(),
    minTenor: String(p.minTenor),
    maxTenor: String(p.maxTenor),
    platformFeeBps: bpsToPercentInput(p.platformFeeBps),
    lateFeeDailyPpm: ppmToPercentInput(p.lateFeeDailyPpm),
    serviceFeeBps: bpsToPercentInput(p.serviceFeeBps),
    minInvestment: p.minInvestment.toString(),
    investmentStep: p.investmentStep.toString(),
    fundingWindowDays: String(p.fundingWindowDays),
    holdbackBps: bpsToPercentInput(p.holdbackBps),
    rateBands: Object.fromEntries(Object.entries(bands).map(([g, b]) => [g, { minRateBps: bpsToPercentInput(b.minRateBps), maxRateBps: bpsToPercentInput(b.maxRateBps) }])),
    active: p.active,
  };
}
