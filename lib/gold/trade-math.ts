/**
 * How many grams for how many rupiah — THE place for the rounding rules of gold trades. Pure and
 * client-safe, so dialogs preview exactly what the server will do.
 *
 * Units are 0.0001 g (10 000 per gram); prices are whole rupiah per gram. Whatever the user typed is
 * honoured exactly; the other side is rounded by less than one unit (of gold or of rupiah), always in
 * Lumbung's favour:
 *
 * | side | user enters | user gets / pays                                   | rounded side          |
 * |------|-------------|----------------------------------------------------|-----------------------|
 * | buy  | rupiah R    | units = floor(R × 10 000 / buy)                    | gold down (< 1 unit)  |
 * | buy  | grams U     | pays rupiah = ceil(U × buy / 10 000)               | rupiah up (< Rp1)     |
 * | sell | grams U     | receives rupiah = floor(U × sell / 10 000)         | rupiah down (< Rp1)   |
 * | sell | rupiah R    | gives units = ceil(R × 10 000 / sell)              | gold up (< 1 unit)    |
 *
 * `rounded` says whether a remainder was cut (the UI then shows "rounded by 0.0001 g / Rp1 in
 * Lumbung's favour"); `remainder` is the exact cut as a fraction of one unit of the rounded side,
 * remainderNumerator / remainderDenominator (0 ≤ … < 1).
 *
 * Minimum: a buy must cost at least Rp10.000 (GOLD_MIN_BUY) and give at least one unit; a sell must
 * move at least one unit and pay at least Rp1.
 */
import { isBelowMinimumBuy } from "./rules";
import { GOLD_MAX_TRADE_RUPIAH, GOLD_MAX_TRADE_UNITS, GOLD_MIN_BUY, type GoldTradeMode, type GoldTradeSide } from "./schemas";

export const UNITS_PER_GRAM = 10_000n;

export type TradeAmounts = {
  side: GoldTradeSide;
  mode: GoldTradeMode;
  pricePerGram: bigint;
  units: bigint;
  rupiah: bigint;
  /** Which side was rounded: gold units or rupiah. */
  roundedField: "units" | "rupiah";
  /** True when a remainder was cut (by at most one unit of roundedField). */
  rounded: boolean;
  remainderNumerator: bigint;
  remainderDenominator: bigint;
};

export type TradeAmountError = "amountTooSmall" | "amountTooLarge" | "gramsTooSmall" | "gramsTooLarge";

export class TradeAmountInvalid extends Error {
  constructor(
    readonly reason: TradeAmountError,
    readonly minimum?: bigint,
  ) {
    super(`gold trade amount invalid: ${reason}`);
  }
}

/**
 * The amounts of one trade. `amount` is rupiah when mode = "rupiah", units (0.0001 g) when mode =
 * "grams". Throws TradeAmountInvalid if the trade is below the minimum or above the maximum.
 */
export function computeTrade(side: GoldTradeSide, mode: GoldTradeMode, amount: bigint, pricePerGram: bigint): TradeAmounts {
  if (pricePerGram <= 0n) throw new Error("gold: price must be positive");
  if (amount <= 0n) throw new TradeAmountInvalid(mode === "rupiah" ? "amountTooSmall" : "gramsTooSmall");
  let units: bigint;
  let rupiah: bigint;
  let num: bigint;
  let den: bigint;
  if (mode === "rupiah") {
    rupiah = amount;
    den = pricePerGram;
    const exact = amount * UNITS_PER_GRAM;
    if (side === "buy") {
      units = exact / pricePerGram;
      num = exact - units * pricePerGram;
    } else {
      units = (exact + pricePerGram - 1n) / pricePerGram;
      num = units * pricePerGram - exact;
    }
  } else {
    units = amount;
    den = UNITS_PER_GRAM;
    const exact = amount * pricePerGram;
    if (side === "buy") {
      rupiah = (exact + UNITS_PER_GRAM - 1n) / UNITS_PER_GRAM;
      num = rupiah * UNITS_PER_GRAM - exact;
    } else {
      rupiah = exact / UNITS_PER_GRAM;
      num = exact - rupiah * UNITS_PER_GRAM;
    }
  }
  if (side === "buy" && isBelowMinimumBuy(rupiah)) throw new TradeAmountInvalid("amountTooSmall", GOLD_MIN_BUY);
  if (units <= 0n) throw new TradeAmountInvalid(mode === "rupiah" ? "amountTooSmall" : "gramsTooSmall");
  if (rupiah <= 0n) throw new TradeAmountInvalid("gramsTooSmall");
  if (rupiah > GOLD_MAX_TRADE_RUPIAH) throw new TradeAmountInvalid(mode === "rupiah" ? "amountTooLarge" : "gramsTooLarge");
  if (units > GOLD_MAX_TRADE_UNITS) throw new TradeAmountInvalid(mode === "rupiah" ? "amountTooLarge" : "gramsTooLarge");
  return {
    side,
    mode,
    pricePerGram,
    units,
    rupiah,
    roundedField: mode === "rupiah" ? "units" : "rupiah",
    rounded: num !== 0n,
    remainderNumerator: num,
    remainderDenominator: den,
  };
}

/** Value of units at a price per gram, rounded down (what a sale would pay): holdings value. */
export function valueAtPrice(units: bigint, pricePerGram: bigint): bigint {
  return (units * pricePerGram) / UNITS_PER_GRAM;
}

/** Average price per gram of `units` that cost `rupiah` (half up); null without units. */
export function pricePerGramOf(rupiah: bigint, units: bigint): bigint | null {
  if (units <= 0n) return null;
  return (rupiah * UNITS_PER_GRAM * 2n + units) / (2n * units);
}
