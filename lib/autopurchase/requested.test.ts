import { describe, expect, it } from "vitest";
import { computeRequest, type CandidateFacts } from "./requested";

const loan = { minimum: 100_000n, step: 100_000n };
const f = (o: Partial<CandidateFacts> = {}): CandidateFacts => ({
  amountPerLoan: 1_000_000n,
  budget: 10_000_000n,
  maxPerBorrower: null,
  cashReserve: 0n,
  reinvest: true,
  cash: 5_000_000n,
  strategyInvested: 0n,
  strategyOutstanding: 0n,
  kycApproved: true,
  riskCheckPassed: true,
  outstanding: 0n,
  limit: 100_000_000n,
  exposure: 0n,
  ...o,
});

describe("computeRequest", () => {
  it("asks for the amount per loan when nothing binds", () => {
    expect(computeRequest(f(), loan)).toEqual({ ok: true, requested: 1_000_000n });
  });
  it("takes the smallest headroom, floored to the step", () => {
    expect(computeRequest(f({ cash: 750_000n }), loan)).toEqual({ ok: true, requested: 700_000n });
    expect(computeRequest(f({ cash: 2_000_000n, cashReserve: 1_450_000n }), loan)).toEqual({ ok: true, requested: 500_000n });
    expect(computeRequest(f({ limit: 10_000_000n, outstanding: 9_650_000n }), loan)).toEqual({ ok: true, requested: 300_000n });
    expect(computeRequest(f({ maxPerBorrower: 1_000_000n, exposure: 800_000n }), loan)).toEqual({ ok: true, requested: 200_000n });
    expect(computeRequest(f({ budget: 10_000_000n, strategyOutstanding: 9_600_000n }), loan)).toEqual({ ok: true, requested: 400_000n });
    // Reinvest off: the budget counts everything ever invested, not what is outstanding.
    expect(computeRequest(f({ reinvest: false, strategyInvested: 9_900_000n }), loan)).toEqual({ ok: true, requested: 100_000n });
    expect(computeRequest(f({ amountPerLoan: 1_050_000n }), loan)).toEqual({ ok: true, requested: 1_000_000n });
  });
  it("names the binding reason with its figures when below the smallest purchase", () => {
    expect(computeRequest(f({ cash: 50_000n }), loan)).toMatchObject({ ok: false, reason: "balance", details: { available: "50000", needed: "100000" } });
    expect(computeRequest(f({ cash: 1_000_000n, cashReserve: 950_000n }), loan)).toMatchObject({ ok: false, reason: "reserve", details: { available: "1000000", reserve: "950000", needed: "100000" } });
    expect(computeRequest(f({ limit: 50_000n }), loan)).toMatchObject({ ok: false, reason: "limit", details: { remaining: "50000", needed: "100000" } });
    expect(computeRequest(f({ maxPerBorrower: 1_000_000n, exposure: 1_000_000n }), loan)).toMatchObject({ ok: false, reason: "exposure", details: { current: "1000000", cap: "1000000" } });
    expect(computeRequest(f({ budget: 1_000_000n, strategyOutstanding: 1_000_000n }), loan)).toMatchObject({ ok: false, reason: "budget", details: { used: "1000000", budget: "1000000" } });
    expect(computeRequest(f({ amountPerLoan: 1_000_000n }), { minimum: 2_000_000n, step: 100_000n })).toMatchObject({ ok: false, reason: "below_minimum", details: { offered: "1000000", minimum: "2000000" } });
    expect(computeRequest(f({ kycApproved: false, cash: 0n }), loan)).toMatchObject({ ok: false, reason: "kyc" });
    expect(computeRequest(f({ riskCheckPassed: false }), loan)).toMatchObject({ ok: false, reason: "risk_check" });
  });
  it("a minimum off the step rounds the smallest purchase up to a step", () => {
    expect(computeRequest(f({ cash: 140_000n }), { minimum: 150_000n, step: 100_000n })).toMatchObject({ ok: false, reason: "balance", details: { needed: "200000" } });
  });
});
