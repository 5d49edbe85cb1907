import { describe, expect, it } from "vitest";
import { estimateLoan, rateRangeBps, type EstimatePricing } from "./rules";
import { annuityPayment, buildSchedule } from "./schedule";

const bands = {
  A: { minRateBps: 1200, maxRateBps: 1400 },
  B: { minRateBps: 1400, maxRateBps: 1600 },
  C: { minRateBps: 1600, maxRateBps: 1800 },
  D: { minRateBps: 1800, maxRateBps: 2000 },
  E: { minRateBps: 2000, maxRateBps: 2400 },
};
const modal: EstimatePricing = { method: "annuity", tenorUnit: "months", minTenor: 3, maxTenor: 24, minAmount: "5000000", maxAmount: "500000000", platformFeeBps: 200, rateBands: bands };

describe("loan estimate on the application's loan step", () => {
  it("spans the product's lowest to highest rate, with the server's own schedule math", () => {
    expect(rateRangeBps(bands)).toEqual({ min: 1200, max: 2400 });
    const e = estimateLoan("100000000", "12", modal)!;
    expect(e.low.rateBps).toBe(1200);
    expect(e.high.rateBps).toBe(2400);
    expect(e.low.installment).toBe(annuityPayment(100_000_000n, 1200n, 12));
    expect(e.high.installment).toBe(annuityPayment(100_000_000n, 2400n, 12));
    // Rp100.000.000 at 18 % for 12 months is Rp9.167.999 (the worked example in schedule.ts).
    expect(estimateLoan("100000000", "12", { ...modal, rateBands: { A: { minRateBps: 1800, maxRateBps: 1800 } } })!.low.installment).toBe(9_167_999n);
    const server = buildSchedule({ principal: 100_000_000n, annualRateBps: 2400n, tenor: { unit: "months", count: 12 }, method: "annuity", startDate: new Date() });
    expect(e.high.totalRepayable).toBe(server.installments.reduce((s, r) => s + r.total, 0n));
    expect(e.high.installments).toBe(12);
    expect(e.platformFee).toBe(2_000_000n);
    expect(e.netDisbursed).toBe(98_000_000n);
    expect(typeof e.low.installment).toBe("bigint");
  });

  it("accepts the amount as the form holds it and refuses what the product does not offer", () => {
    expect(estimateLoan(" 100000000 ", " 12 ", modal)?.low.installment).toBe(annuityPayment(100_000_000n, 1200n, 12));
    for (const [amount, tenor] of [["", "12"], ["abc", "12"], ["1000", "12"], ["600000000", "12"], ["100000000", ""], ["100000000", "2"], ["100000000", "36"], ["100000000", "1.5"]]) {
      expect(estimateLoan(amount!, tenor!, modal), `${amount} ${tenor}`).toBeNull();
    }
  });

  it("a days tenor is one payment at maturity; a monthly bullet pays interest, then everything", () => {
    const invoice: EstimatePricing = { ...modal, method: "bullet", tenorUnit: "days", minTenor: 30, maxTenor: 120 };
    const d = estimateLoan("36500000", "30", invoice)!;
    expect(d.low.installments).toBe(1);
    // 36.500.000 × 12 % × 30 / 365 = 360.000 interest.
    expect(d.low.installment).toBe(36_500_000n + 360_000n);
    const bullet = estimateLoan("12000000", "6", { ...modal, method: "bullet", minAmount: "1000000" })!;
    expect(bullet.low.installment).toBe(120_000n); // 12.000.000 × 12 % / 12
    expect(bullet.low.lastPayment).toBe(12_120_000n);
  });
});
