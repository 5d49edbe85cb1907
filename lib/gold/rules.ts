/**
 * Gold's rules that both the forms (components/gold) and the server verbs apply, so the two cannot
 * drift: pure and client-safe (components may import lib/<domain>/rules, see eslint.config.mjs).
 * The server stays the authority — the ledger refuses selling more than held or paying without
 * cash even if a form were wrong — but the numbers a form shows come from the same functions.
 */
import { GOLD_UNITS_PER_GRAM, gramsToUnits } from "@/lib/money/gold";
import { GOLD_MIN_BUY, type GoldTradeMode, type GoldTradeSide } from "./schemas";

export { GOLD_MIN_BUY };

/** A buy must cost at least GOLD_MIN_BUY rupiah, judged on what the user pays (after rounding). */
export function isBelowMinimumBuy(rupiahPaid: bigint): boolean {
  return rupiahPaid < GOLD_MIN_BUY;
}

/** Selling or reserving more gold than is available. */
export function exceedsHoldings(units: bigint, availableUnits: bigint): boolean {
  return units > availableUnits;
}

/** What a bar withdrawal reserves and costs: barGrams × quantity of gold, the fee per bar × quantity. */
export function withdrawalTotals(barGrams: number, quantity: number, feePerBar: bigint): { units: bigint; fee: bigint } {
  const q = BigInt(quantity);
  return { units: BigInt(barGrams) * GOLD_UNITS_PER_GRAM * q, fee: feePerBar * q };
}

export type GoldTradeFormError = "gramsFormat" | "amountPositive" | "moreThanHeld" | "minBuy";

/**
 * What a trade form can tell before asking for a preview (messages gold.errors.<key>): the server
 * checks everything again, with the same isBelowMinimumBuy on the amount after rounding.
 * In rupiah mode the typed amount is what a buyer pays, so the minimum applies to it directly.
 */
export function goldTradeFormError(side: GoldTradeSide, mode: GoldTradeMode, amount: string, availableUnits: bigint): GoldTradeFormError | undefined {
  if (!amount.trim()) return undefined;
  if (mode === "grams") {
    const units = gramsToUnits(amount);
    if (units === null) return "gramsFormat";
    if (units <= 0n) return "amountPositive";
    if (side === "sell" && exceedsHoldings(units, availableUnits)) return "moreThanHeld";
    return undefined;
  }
  const rupiah = BigInt(amount.replace(/\D/g, "") || "0");
  if (rupiah <= 0n) return "amountPositive";
  if (side === "buy" && isBelowMinimumBuy(rupiah)) return "minBuy";
  return undefined;
}
