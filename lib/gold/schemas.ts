import { z } from "zod";
import { checkRupiah } from "@/lib/money/rupiah";
import { gramsToUnits } from "@/lib/money/gold";
import { zPercentBps } from "@/lib/money/percent";

/**
 * Client-safe gold inputs and constants, shared by forms (zodResolver) and the server. Messages are
 * translation keys under "validation" in messages/*.json. Amounts travel as strings (digits for rupiah,
 * "1.2345" grams for gold) and come out as bigint.
 */

/** Smallest buy: Rp10.000 (what the user pays, whichever way the amount was entered). */
export const GOLD_MIN_BUY = 10_000n;
/** Largest single trade: Rp1.000.000.000 or 1 kg. */
export const GOLD_MAX_TRADE_RUPIAH = 1_000_000_000n;
export const GOLD_MAX_TRADE_UNITS = 10_000_000n;
/** Physical bar sizes in grams (the same list as db/schema/gold.ts, repeated here for client code). */
export const GOLD_BARS = [1, 2, 5, 10, 25, 50, 100] as const;
export type GoldBarGrams = (typeof GOLD_BARS)[number];
export const GOLD_PRICE_RANGES = ["1W", "1M", "1Y", "5Y", "ALL"] as const;
export type GoldPriceRange = (typeof GOLD_PRICE_RANGES)[number];
export const GOLD_TRADE_SIDES = ["buy", "sell"] as const;
export type GoldTradeSide = (typeof GOLD_TRADE_SIDES)[number];
export const GOLD_TRADE_MODES = ["rupiah", "grams"] as const;
export type GoldTradeMode = (typeof GOLD_TRADE_MODES)[number];
export const GOLD_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export const GOLD_ALERT_KINDS = ["buy_below", "sell_above"] as const;
export const GOLD_WITHDRAWAL_STATUSES = ["requested", "printed", "shipped", "delivered", "cancelled"] as const;
export type GoldWithdrawalStatus = (typeof GOLD_WITHDRAWAL_STATUSES)[number];

const idempotencyKey = z.string({ message: "required" }).trim().min(8, "required").max(100, "tooLong");

/** Whole rupiah as digits; min/max give amountTooSmall/amountTooLarge. */
export const zGoldRupiah = (min = 1n, max = GOLD_MAX_TRADE_RUPIAH) =>
  z.union([z.string(), z.number(), z.bigint()], { message: "amountInvalid" }).transform((v, c) => {
    const r = checkRupiah(v, { min, max });
    if (!r.ok) {
      c.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    }
    return r.value;
  });

/** Grams with at most 4 decimals ("1,5" or "1.5") → units of 0.0001 g, at least one unit. */
export const zGoldGrams = z.union([z.string(), z.number()], { message: "gramsInvalid" }).transform((v, c) => {
  const units = gramsToUnits(String(v));
  if (units === null) {
    c.addIssue({ code: "custom", message: "gramsInvalid" });
    return z.NEVER;
  }
  if (units <= 0n) {
    c.addIssue({ code: "custom", message: "gramsTooSmall" });
    return z.NEVER;
  }
  if (units > GOLD_MAX_TRADE_UNITS) {
    c.addIssue({ code: "custom", message: "gramsTooLarge" });
    return z.NEVER;
  }
  return units;
});

export const RequestGoldQuoteInput = z.object({ side: z.enum(GOLD_TRADE_SIDES, { message: "required" }) });
export type RequestGoldQuoteInput = z.input<typeof RequestGoldQuoteInput>;

/**
 * A trade: amount is rupiah digits when mode = "rupiah", grams ("0.5") when mode = "grams". The
 * minimum buy (Rp10.000) is checked on what the user pays, after rounding (trade-math.ts).
 */
export const GoldTradeInput = z.object({
  quoteId: z.string({ message: "quoteExpired" }).uuid("quoteExpired"),
  mode: z.enum(GOLD_TRADE_MODES, { message: "required" }),
  amount: z.union([z.string(), z.number()], { message: "required" }).transform(String),
  idempotencyKey,
});
export type GoldTradeInput = z.input<typeof GoldTradeInput>;

export const GoldPriceHistoryInput = z.object({ range: z.enum(GOLD_PRICE_RANGES).default("1M") });

export const GoldTradesPageInput = z.object({
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});

export const GoldRecurringPlanInput = z
  .object({
    amount: zGoldRupiah(GOLD_MIN_BUY, 100_000_000n),
    frequency: z.enum(GOLD_FREQUENCIES, { message: "required" }),
    hour: z.coerce.number<number>({ message: "required" }).int("hourInvalid").min(0, "hourInvalid").max(23, "hourInvalid"),
    dayOfWeek: z.coerce.number<number>().int().min(1, "dayOfWeekInvalid").max(7, "dayOfWeekInvalid").nullish(),
    dayOfMonth: z.coerce.number<number>().int().min(1, "dayOfMonthInvalid").max(28, "dayOfMonthInvalid").nullish(),
  })
  .superRefine((v, c) => {
    if (v.frequency === "weekly" && !v.dayOfWeek) c.addIssue({ code: "custom", path: ["dayOfWeek"], message: "dayOfWeekInvalid" });
    if (v.frequency === "monthly" && !v.dayOfMonth) c.addIssue({ code: "custom", path: ["dayOfMonth"], message: "dayOfMonthInvalid" });
  });
export type GoldRecurringPlanInput = z.input<typeof GoldRecurringPlanInput>;

export const GoldPlanIdInput = z.object({ planId: z.string().uuid("notFound") });
export const UpdateGoldRecurringPlanInput = z.intersection(GoldPlanIdInput, GoldRecurringPlanInput);
export const PauseGoldRecurringPlanInput = GoldPlanIdInput.extend({ paused: z.boolean() });

export const GoldPriceAlertInput = z.object({
  kind: z.enum(GOLD_ALERT_KINDS, { message: "required" }),
  thresholdPerGram: zGoldRupiah(1n, 1_000_000_000n),
});
export type GoldPriceAlertInput = z.input<typeof GoldPriceAlertInput>;
export const GoldAlertIdInput = z.object({ alertId: z.string().uuid("notFound") });

export const GoldWithdrawalInput = z.object({
  barGrams: z.coerce.number<number>({ message: "required" }).refine((v) => (GOLD_BARS as readonly number[]).includes(v), "barInvalid"),
  quantity: z.coerce.number<number>({ message: "required" }).int("quantityInvalid").min(1, "quantityInvalid").max(100, "quantityInvalid"),
  address: z.string({ message: "required" }).trim().min(10, "addressTooShort").max(500, "tooLong"),
  idempotencyKey,
});
export type GoldWithdrawalInput = z.input<typeof GoldWithdrawalInput>;

export const AdvanceGoldWithdrawalInput = z.object({
  withdrawalId: z.string().uuid("notFound"),
  to: z.enum(["printed", "shipped", "delivered"]),
});
export const CancelGoldWithdrawalInput = z.object({
  withdrawalId: z.string().uuid("notFound"),
  reason: z.string({ message: "required" }).trim().min(3, "required").max(500, "tooLong"),
});
export const CancelMyGoldWithdrawalInput = z.object({ withdrawalId: z.string().uuid("notFound") });
export const GoldWithdrawalQueueInput = z.object({
  status: z.enum(GOLD_WITHDRAWAL_STATUSES).default("requested"),
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});

export const UpdateGoldSettingsInput = z.object({
  basePerGram: zGoldRupiah(1_000n, 100_000_000n),
  /** Typed as a percentage ("5" or "2,5"), parsed exactly to bps; at most 20 %. */
  spreadBps: zPercentBps({ max: 2_000, invalid: "spreadInvalid" }),
  usdIdrRate: zGoldRupiah(1_000n, 100_000n),
  /** Optional: printing fee per bar size (rupiah digits), keyed by grams. */
  withdrawalFees: z.record(z.string(), zGoldRupiah(0n, 100_000_000n)).optional(),
  /** Optional: lead time in days per bar size, keyed by grams. */
  leadTimeDays: z
    .record(z.string(), z.coerce.number<number>({ message: "leadTimeInvalid" }).int("leadTimeInvalid").min(1, "leadTimeInvalid").max(90, "leadTimeInvalid"))
    .optional(),
});
export type UpdateGoldSettingsInput = z.input<typeof UpdateGoldSettingsInput>;

export const GoldVolumeInput = z.object({ days: z.coerce.number<number>().int().min(1).max(366).default(30) });
/** The recurring-buy run catches up every scheduled time up to this one (default: now by the clock). */
export const RunRecurringBuysInput = z.object({ upTo: z.date().optional() });
