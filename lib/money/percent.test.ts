import { describe, expect, it } from "vitest";
import { UpdateLoanProductInput, ApproveApplicationInput, ProposeRestructureInput, productFormValues } from "@/lib/loans/schemas";
import { bpsToPercentInput, checkPercent, percentToBps, ppmToPercentInput, zPercentBps, zPercentPpm } from "./percent";

describe("percent typed by people → integer bps / ppm, exactly", () => {
  it("reads a point or a comma, whole numbers and a trailing %", () => {
    expect(percentToBps("13.5")).toBe(1350);
    expect(percentToBps("13,5")).toBe(1350);
    expect(percentToBps("13,55")).toBe(1355);
    expect(percentToBps("0.01")).toBe(1);
    expect(percentToBps("18")).toBe(1800);
    expect(percentToBps(" 14.1 % ")).toBe(1410);
    expect(percentToBps("0")).toBe(0);
  });
  it("is exact where floats are not (0.29 * 100 = 28.999…)", () => {
    expect(percentToBps("0.29")).toBe(29);
    expect(percentToBps("1.15")).toBe(115);
    expect(percentToBps("4.35")).toBe(435);
  });
  it("refuses more than 2 decimals with its own key, and anything not a plain number", () => {
    expect(checkPercent("13.555", { decimals: 2, max: 10_000 })).toEqual({ ok: false, error: "percentDecimals" });
    for (const bad of ["", "-1", "abc", "1e2", "12.", ".5", "1.000,5", "12 5", "+3"]) {
      expect(checkPercent(bad, { decimals: 2, max: 10_000 }), bad).toEqual({ ok: false, error: "percentInvalid" });
    }
    expect(checkPercent("100.01", { decimals: 2, max: 10_000 })).toEqual({ ok: false, error: "percentTooLarge" });
    expect(checkPercent(13.5, { decimals: 2, max: 10_000 })).toEqual({ ok: true, value: 1350 });
  });
  it("ppm takes four decimals", () => {
    expect(zPercentPpm().parse("0.067")).toBe(670);
    expect(zPercentPpm().parse("0,1")).toBe(1000);
    expect(zPercentPpm().safeParse("0.00005").error?.issues[0]?.message).toBe("percentDecimals");
  });
  it("fills a form from stored values and round-trips", () => {
    expect(bpsToPercentInput(1350)).toBe("13.5");
    expect(bpsToPercentInput(1400)).toBe("14");
    expect(bpsToPercentInput(1)).toBe("0.01");
    expect(ppmToPercentInput(670)).toBe("0.067");
    for (const bps of [0, 1, 99, 100, 1355, 2400, 10_000]) expect(zPercentBps().parse(bpsToPercentInput(bps))).toBe(bps);
  });
});

describe("admin forms' shared schemas take % a year", () => {
  const stored = {
    id: "7f0c0a3e-3c5b-4a53-9a4e-2a0d4b6e8f10",
    name: "Paylater Bisnis",
    minAmount: 1_000_000n,
    maxAmount: 50_000_000n,
    minTenor: 1,
    maxTenor: 6,
    platformFeeBps: 300,
    lateFeeDailyPpm: 670,
    serviceFeeBps: 100,
    minInvestment: 100_000n,
    investmentStep: 100_000n,
    fundingWindowDays: 14,
    holdbackBps: 2000,
    rateBands: { A: { minRateBps: 1000, maxRateBps: 1350 }, B: { minRateBps: 1350, maxRateBps: 1600 }, C: { minRateBps: 1600, maxRateBps: 1900 }, D: { minRateBps: 1900, maxRateBps: 2200 }, E: { minRateBps: 2200, maxRateBps: 2400 } },
    active: true,
  };
  it("the product form's values are percentages and parse back to the stored bps / ppm", () => {
    const values = productFormValues(stored);
    expect(values).toMatchObject({ platformFeeBps: "3", lateFeeDailyPpm: "0.067", serviceFeeBps: "1", holdbackBps: "20", rateBands: { A: { minRateBps: "10", maxRateBps: "13.5" } } });
    const parsed = UpdateLoanProductInput.parse(values);
    expect(parsed).toMatchObject({ platformFeeBps: 300, lateFeeDailyPpm: 670, serviceFeeBps: 100, holdbackBps: 2000, rateBands: stored.rateBands });
  });
  it("an admin types 13,5 or 13.55 for a band; 13.555 is a field error", () => {
    const values = productFormValues(stored);
    const typed = { ...values, rateBands: { ...values.rateBands, A: { minRateBps: "10,25", maxRateBps: "13.55" } } };
    expect(UpdateLoanProductInput.parse(typed).rateBands.A).toEqual({ minRateBps: 1025, maxRateBps: 1355 });
    const bad = UpdateLoanProductInput.safeParse({ ...values, rateBands: { ...values.rateBands, A: { minRateBps: "10", maxRateBps: "13.555" } } });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["rateBands.A.maxRateBps", "percentDecimals"]]);
  });
  it("approval and restructuring rates", () => {
    const id = "7f0c0a3e-3c5b-4a53-9a4e-2a0d4b6e8f10";
    expect(ApproveApplicationInput.parse({ applicationId: id, rateBps: "13,5" }).rateBps).toBe(1350);
    expect(ApproveApplicationInput.parse({ applicationId: id }).rateBps).toBeUndefined();
    expect(ApproveApplicationInput.safeParse({ applicationId: id, rateBps: "13.501" }).error?.issues[0]?.message).toBe("percentDecimals");
    expect(ProposeRestructureInput.parse({ loanId: id, newTenor: 6, newRateBps: "12.75", reason: "Harvest failed" }).newRateBps).toBe(1275);
  });
});
