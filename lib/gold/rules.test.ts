import { describe, expect, it } from "vitest";
import { exceedsHoldings, GOLD_MIN_BUY, goldTradeFormError, isBelowMinimumBuy, withdrawalTotals } from "./rules";
import { computeTrade, TradeAmountInvalid } from "./trade-math";

describe("gold rules shared by the forms and the server", () => {
  it("the minimum buy is the same number the server's trade math refuses", () => {
    expect(GOLD_MIN_BUY).toBe(10_000n);
    expect(isBelowMinimumBuy(9_999n)).toBe(true);
    expect(isBelowMinimumBuy(10_000n)).toBe(false);
    expect(goldTradeFormError("buy", "rupiah", "9999", 0n)).toBe("minBuy");
    expect(goldTradeFormError("buy", "rupiah", "10000", 0n)).toBeUndefined();
    // The server refuses exactly what the form refuses (rupiah mode: the typed amount is what is paid).
    expect(() => computeTrade("buy", "rupiah", 9_999n, 1_000_000n)).toThrow(TradeAmountInvalid);
    expect(computeTrade("buy", "rupiah", 10_000n, 1_000_000n).rupiah).toBe(10_000n);
    // A sell has no minimum in rupiah.
    expect(goldTradeFormError("sell", "rupiah", "5000", 0n)).toBeUndefined();
  });

  it("selling more than held is caught in grams mode", () => {
    expect(exceedsHoldings(10_001n, 10_000n)).toBe(true);
    expect(exceedsHoldings(10_000n, 10_000n)).toBe(false);
    expect(goldTradeFormError("sell", "grams", "1.0001", 10_000n)).toBe("moreThanHeld");
    expect(goldTradeFormError("sell", "grams", "1", 10_000n)).toBeUndefined();
    expect(goldTradeFormError("buy", "grams", "5", 0n)).toBeUndefined();
    expect(goldTradeFormError("sell", "grams", "1.23456", 10_000n)).toBe("gramsFormat");
    expect(goldTradeFormError("sell", "grams", "0", 10_000n)).toBe("amountPositive");
    expect(goldTradeFormError("buy", "rupiah", "", 0n)).toBeUndefined();
  });

  it("a bar withdrawal reserves bar × quantity grams and costs the fee per bar × quantity", () => {
    expect(withdrawalTotals(5, 3, 45_000n)).toEqual({ units: 150_000n, fee: 135_000n });
    expect(withdrawalTotals(1, 1, 0n)).toEqual({ units: 10_000n, fee: 0n });
    expect(withdrawalTotals(100, 0, 1n)).toEqual({ units: 0n, fee: 0n });
  });
});
