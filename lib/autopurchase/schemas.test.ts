import { describe, expect, it } from "vitest";
import { bpsToPercent, percentToBps, previewRules, StrategyInput } from "./schemas";
import { baseStrategy } from "./test-helpers";

describe("percentToBps", () => {
  it("converts exactly, without floats", () => {
    expect(percentToBps("12.5")).toBe(1250);
    expect(percentToBps("12,25")).toBe(1225);
    expect(percentToBps("0.01")).toBe(1);
    expect(percentToBps("18")).toBe(1800);
    expect(percentToBps(" 14.1 ")).toBe(1410);
    for (const bad of ["12.555", "-1", "abc", "", "1e2", "12.", ".5"]) expect(percentToBps(bad)).toBeNull();
    expect(bpsToPercent(1250)).toBe("12.5");
    expect(bpsToPercent(1801)).toBe("18.01");
    expect(bpsToPercent(1800)).toBe("18");
  });
});

describe("StrategyInput", () => {
  it("parses the form's strings and blanks", () => {
    const r = StrategyInput.parse({ ...baseStrategy({ minRateBps: "12.5" as never, minTenorMonths: "", maxPerBorrower: "" }) });
    expect(r).toMatchObject({ minRateBps: 1250, minTenorMonths: undefined, maxPerBorrower: undefined, amountPerLoan: 1_000_000n, cashReserve: 0n });
  });
  it("names the field of each mistake with a translation key", () => {
    const r = StrategyInput.safeParse(baseStrategy({ name: "", minRateBps: "12.345" as never, minTenorMonths: 12, maxTenorMonths: 6, budget: "500000", amountPerLoan: "1000000", maxPerBorrower: "100" }));
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ name: "required", minRateBps: "rateInvalid" });
  });
  it("checks cross-field rules", () => {
    const r = StrategyInput.safeParse(baseStrategy({ minTenorMonths: 12, maxTenorMonths: 6, budget: "500000", maxPerBorrower: "100" }));
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({ maxTenorMonths: "tenorMinMax", budget: "budgetBelowAmount", maxPerBorrower: "maxPerBorrowerBelowAmount" });
  });
});

describe("previewRules", () => {
  const empty = {
    name: "",
    productCodes: [],
    subgrades: [],
    minTenorMonths: "",
    maxTenorMonths: "",
    minRateBps: "",
    sectors: [],
    methods: [],
    amountPerLoan: "",
    budget: "",
    maxPerBorrower: "",
    cashReserve: "0",
    reinvest: true,
  };

  it("is null (nothing is sent) for an empty or half-typed form", () => {
    expect(previewRules(empty)).toBeNull();
    expect(previewRules(undefined)).toBeNull();
    expect(previewRules({ ...empty, amountPerLoan: "1000000" })).toBeNull(); // no budget yet
    expect(previewRules({ ...empty, amountPerLoan: "1.000.00x", budget: "5000000" })).toBeNull();
    expect(previewRules({ ...empty, amountPerLoan: "2000000", budget: "1000000" })).toBeNull(); // budget below amount
    expect(previewRules({ ...empty, amountPerLoan: "1000000", budget: "5000000", minTenorMonths: "12", maxTenorMonths: "6" })).toBeNull();
  });

  it("gives the rules once they parse; a strategy not named yet is previewed under a placeholder", () => {
    const rules = previewRules({ ...empty, amountPerLoan: "1000000", budget: "5000000" });
    expect(rules).toMatchObject({ name: "preview", amountPerLoan: "1000000", budget: "5000000" });
    expect(StrategyInput.safeParse(rules).success).toBe(true);
    expect(previewRules(baseStrategy())).toMatchObject({ name: "Everything" });
  });
});
