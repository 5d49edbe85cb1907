import { z } from "zod";
import { SUBGRADES } from "@/lib/loans/grades";
import { SECTORS } from "@/lib/loans/scoring";
import { zRupiah } from "@/lib/money/rupiah";

/**
 * Client-safe inputs and option lists of auto-purchase. The strategy form (components/autopurchase)
 * validates with these through zodResolver and the verbs parse again. Messages are translation keys
 * under "validation" in messages/*.json.
 */

/** Option lists for the strategy form. Product codes come from the DB: listStrategyProductOptions(). */
export const STRATEGY_SUBGRADES = SUBGRADES;
export const STRATEGY_SECTORS = SECTORS;
export const STRATEGY_METHODS = ["annuity", "flat", "bullet"] as const;
export type StrategyMethod = (typeof STRATEGY_METHODS)[number];

/**
 * Power of attorney: the version the lender must accept before turning a strategy on, and the clause
 * keys the UI renders from messages "autoPurchase.poa.clauses.<key>" (title "autoPurchase.poa.title").
 * A new text gets a new version; everyone accepts again. lib/autopurchase/power-of-attorney.ts re-exports these.
 */
export const POA_VERSION = 1;
export const POA_CLAUSE_KEYS = ["mandate", "rules", "holdback", "limits", "revoke", "risk"] as const;
export type PoaClauseKey = (typeof POA_CLAUSE_KEYS)[number];

/** Why a strategy did not buy a loan (auto_purchase_decisions.reason); UI keys "autoPurchase.reasons.<reason>". */
export const SKIP_REASONS = ["balance", "reserve", "limit", "exposure", "budget", "kyc", "risk_check", "loan_full", "below_minimum"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Domain error codes the auto-purchase verbs throw (messages "errors.<code>"). */
export const AUTO_PURCHASE_ERROR_CODES = ["poa_required", "kyc_required", "risk_check_required", "strategy_not_found"] as const;

export const RATE_PERCENT_PATTERN = /^\d{1,3}([.,]\d{1,2})?$/;

/**
 * "12.5" / "12,5" / "12" → 1250 basis points, exactly (string arithmetic, no floats). Returns null
 * for anything else (more than two decimals, signs, words). The one place percent becomes bps.
 */
export function percentToBps(input: string): number | null {
  const s = input.trim();
  if (!RATE_PERCENT_PATTERN.test(s)) return null;
  const [whole, frac = ""] = s.split(/[.,]/) as [string, string?];
  return Number(whole) * 100 + Number((frac + "00").slice(0, 2));
}

/** 1250 → "12.5" (for filling the form from a saved strategy). */
export function bpsToPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const frac = String(bps % 100).padStart(2, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

const blankToUndefined = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);

const optionalInt = (max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number<number>().int("wholeNumber").min(1, "atLeastOne").max(max, "tooLarge").optional());

/** Minimum annual rate as the lender types it (percent), output integer bps or undefined. */
const zRatePercent = z.preprocess(
  blankToUndefined,
  z
    .union([z.string(), z.number()], { message: "rateInvalid" })
    .transform((v, ctx) => {
      const bps = percentToBps(String(v));
      if (bps === null || bps > 10_000) {
        ctx.addIssue({ code: "custom", message: "rateInvalid" });
        return z.NEVER;
      }
      return bps;
    })
    .optional(),
);

const optionalRupiah = z.preprocess(blankToUndefined, zRupiah({ min: 1n }).optional());

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, "tooLong")
    .default([])
    .transform((a) => [...new Set(a)] as z.infer<T>[]);

export const StrategyInput = z
  .object({
    name: z.string().trim().min(1, "required").max(60, "tooLong"),
    productCodes: uniqueList(z.string().trim().min(1, "required").max(60, "tooLong"), 20),
    subgrades: uniqueList(z.enum(STRATEGY_SUBGRADES as [string, ...string[]], { message: "required" }), STRATEGY_SUBGRADES.length),
    minTenorMonths: optionalInt(120),
    maxTenorMonths: optionalInt(120),
    minRateBps: zRatePercent,
    sectors: uniqueList(z.enum(STRATEGY_SECTORS, { message: "required" }), STRATEGY_SECTORS.length),
    methods: uniqueList(z.enum(STRATEGY_METHODS, { message: "required" }), STRATEGY_METHODS.length),
    amountPerLoan: zRupiah({ min: 1n }),
    budget: zRupiah({ min: 1n }),
    maxPerBorrower: optionalRupiah,
    cashReserve: z.preprocess((v) => blankToUndefined(v) ?? "0", zRupiah({ min: 0n })),
    reinvest: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.minTenorMonths !== undefined && v.maxTenorMonths !== undefined && v.minTenorMonths > v.maxTenorMonths) {
      ctx.addIssue({ code: "custom", path: ["maxTenorMonths"], message: "tenorMinMax" });
    }
    if (v.budget < v.amountPerLoan) ctx.addIssue({ code: "custom", path: ["budget"], message: "budgetBelowAmount" });
    if (v.maxPerBorrower !== undefined && v.maxPerBorrower < v.amountPerLoan) {
      ctx.addIssue({ code: "custom", path: ["maxPerBorrower"], message: "maxPerBorrowerBelowAmount" });
    }
  });
/** What the form holds (strings for amounts and the rate percent). */
export type StrategyFormValues = z.input<typeof StrategyInput>;
export type StrategyData = z.output<typeof StrategyInput>;

export const StrategyIdInput = z.object({ strategyId: z.string().uuid("notFound") });
export const UpdateStrategyInput = z.object({ strategyId: z.string().uuid("notFound"), strategy: StrategyInput });
export const SetStrategyActiveInput = z.object({ strategyId: z.string().uuid("notFound"), active: z.boolean() });
export const ReorderStrategiesInput = z.object({ orderedIds: z.array(z.string().uuid("notFound")).min(1, "required").max(100, "tooLong") });
export const AcceptPowerOfAttorneyInput = z.object({
  version: z.coerce.number<number>().refine((v) => v === POA_VERSION, "poaOutdated"),
  accepted: z.literal(true, { message: "poaMustAccept" }),
});
/**
 * The matcher (jobs autopurchase.match-loan / match-lender, the bench): one loan against every active
 * strategy, or (lenderId) only that lender's reinvest strategies. `batchSize`: a fixed page and chunk
 * size (default: pages of 64 doubling to LAZY_BATCH_SIZE; tests use tiny ones to cross pages);
 * `withRequests`: each evaluated lender's request and allocation in the summary (bench fairness).
 */
export const MatchLoanInput = z.object({
  loanId: z.string().uuid("notFound"),
  lenderId: z.string().uuid("notFound").optional(),
  withRequests: z.boolean().default(false),
  batchSize: z.number().int().min(1).optional(),
});
export const MatchLenderInput = z.object({ lenderId: z.string().uuid("notFound") });
export const DecisionsFilterInput = z.object({
  outcome: z.enum(["bought", "skipped"]),
  page: z.coerce.number<number>().int().min(1).max(10_000).default(1),
});

/**
 * The rules a live preview would send, or null while the form cannot be previewed yet (empty or
 * invalid amounts, a minimum tenor above the maximum, …): then the preview asks the server nothing.
 * The same schema as the server decides; the name does not change which loans match, so a strategy
 * not named yet is previewed under a placeholder name.
 */
export function previewRules(values: unknown): StrategyFormValues | null {
  if (!values || typeof values !== "object") return null;
  const given = values as Partial<StrategyFormValues>;
  const candidate = { ...given, name: typeof given.name === "string" && given.name.trim() ? given.name : "preview" };
  return StrategyInput.safeParse(candidate).success ? (candidate as StrategyFormValues) : null;
}
