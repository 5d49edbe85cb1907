import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyPayment, distributeRepayment, type InstallmentDue, type LenderPayout, type LenderShare } from "./distribution";

const byId = (payouts: LenderPayout[]) => Object.fromEntries(payouts.map((p) => [p.id, p]));

describe("distributeRepayment", () => {
  const shares: LenderShare[] = [
    { id: "a", invested: 500_000n },
    { id: "b", invested: 300_000n },
    { id: "c", invested: 200_000n },
  ];

  it("splits pro rata, gives the leftover rupiah to the largest remainder and charges 1 % of earnings", () => {
    const payouts = distributeRepayment(shares, { principal: 1_000_001n, interest: 100_000n, lateFee: 0n });
    expect(payouts).toEqual([
      { id: "a", principal: 500_001n, interest: 50_000n, lateFee: 0n, serviceFee: 500n, net: 549_501n },
      { id: "b", principal: 300_000n, interest: 30_000n, lateFee: 0n, serviceFee: 300n, net: 329_700n },
      { id: "c", principal: 200_000n, interest: 20_000n, lateFee: 0n, serviceFee: 200n, net: 219_800n },
    ]);
  });

  it("breaks equal remainders by id, whatever the input order", () => {
    const x = { id: "inv-x", invested: 100n };
    const y = { id: "inv-y", invested: 100n };
    const split = { principal: 1n, interest: 3n, lateFee: 0n };
    expect(byId(distributeRepayment([x, y], split))).toEqual(byId(distributeRepayment([y, x], split)));
    expect(byId(distributeRepayment([y, x], split))["inv-x"]).toMatchObject({ principal: 1n, interest: 2n });
  });

  it("charges the fee on interest and late fee, floored, and never on principal", () => {
    const [only] = distributeRepayment([{ id: "a", invested: 1n }], { principal: 5_000_000n, interest: 19_999n, lateFee: 10_001n });
    // 1 % of 30 000 = 300; principal carries no fee.
    expect(only).toMatchObject({ serviceFee: 300n, net: 5_029_700n });
    const [small] = distributeRepayment([{ id: "a", invested: 1n }], { principal: 0n, interest: 199n, lateFee: 0n });
    expect(small!.serviceFee).toBe(1n);
    const [free] = distributeRepayment([{ id: "a", invested: 1n }], { principal: 0n, interest: 199n, lateFee: 0n }, 0n);
    expect(free!.serviceFee).toBe(0n);
  });

  it("refuses no lenders, non-positive shares, duplicate ids and fees over 100 %", () => {
    const split = { principal: 1n, interest: 0n, lateFee: 0n };
    expect(() => distributeRepayment([], split)).toThrow(RangeError);
    expect(() => distributeRepayment([{ id: "a", invested: 0n }], split)).toThrow(RangeError);
    expect(() => distributeRepayment([{ id: "a", invested: 1n }, { id: "a", invested: 2n }], split)).toThrow(RangeError);
    expect(() => distributeRepayment(shares, split, 10_001n)).toThrow(RangeError);
    expect(() => distributeRepayment(shares, { ...split, interest: -1n })).toThrow(RangeError);
  });
});

/** Deterministic Fisher–Yates driven by fast-check's seed, so a failing order can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const sharesArb = fc
  .array(fc.bigInt({ min: 100_000n, max: 2_000_000_000n }), { minLength: 1, maxLength: 500 })
  .map((amounts) => amounts.map((invested, i) => ({ id: `inv-${i}`, invested })));
const splitArb = fc.record({
  principal: fc.bigInt({ min: 0n, max: 2_000_000_000n }),
  interest: fc.bigInt({ min: 0n, max: 200_000_000n }),
  lateFee: fc.bigInt({ min: 0n, max: 20_000_000n }),
});
const COMPONENTS = ["principal", "interest", "lateFee", "serviceFee", "net"] as const;

describe("distribution properties", () => {
  it("every component sums exactly, nothing is negative, and net + fees = the repayment", () => {
    fc.assert(
      fc.property(sharesArb, splitArb, fc.bigInt({ min: 0n, max: 1_000n }), (shares, split, bps) => {
        const payouts = distributeRepayment(shares, split, bps);
        const sum = (k: (typeof COMPONENTS)[number]) => payouts.reduce((a, p) => a + p[k], 0n);
        expect(sum("principal")).toBe(split.principal);
        expect(sum("interest")).toBe(split.interest);
        expect(sum("lateFee")).toBe(split.lateFee);
        expect(sum("net") + sum("serviceFee")).toBe(split.principal + split.interest + split.lateFee);
        for (const p of payouts) {
          for (const k of COMPONENTS) expect(p[k] >= 0n).toBe(true);
          expect(p.serviceFee <= p.interest + p.lateFee).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the order of the input does not change anyone's payout", () => {
    fc.assert(
      fc.property(sharesArb, splitArb, fc.integer(), (shares, split, seed) => {
        expect(byId(distributeRepayment(shuffle(shares, seed), split))).toEqual(byId(distributeRepayment(shares, split)));
      }),
      { numRuns: 100 },
    );
  });

  it("a bigger share never gets less than a smaller one, component by component", () => {
    fc.assert(
      fc.property(sharesArb, splitArb, (shares, split) => {
        const payouts = distributeRepayment(shares, split);
        const ranked = payouts.map((p, i) => ({ p, invested: shares[i]!.invested })).sort((a, b) => (a.invested < b.invested ? -1 : a.invested > b.invested ? 1 : 0));
        for (let i = 1; i < ranked.length; i++) {
          const [lo, hi] = [ranked[i - 1]!, ranked[i]!];
          if (hi.invested === lo.invested) continue;
          for (const k of COMPONENTS) expect(hi.p[k] >= lo.p[k]).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("applyPayment", () => {
  const due = (number: number, paid: Partial<InstallmentDue> = {}): InstallmentDue => ({
    number, principal: 900n, interest: 100n, principalPaid: 0n, interestPaid: 0n, ...paid,
  });

  it("pays late fees, then the oldest installment's interest and principal, then the next", () => {
    expect(applyPayment([due(1), due(2)], 1_200n, 50n)).toEqual({
      lateFee: 50n,
      interest: 200n,
      principal: 950n,
      installments: [
        { number: 1, interest: 100n, principal: 900n },
        { number: 2, interest: 100n, principal: 50n },
      ],
      overpayment: 0n,
    });
  });

  it("orders by installment number, not input order, and respects what is already paid", () => {
    const result = applyPayment([due(3), due(2, { interestPaid: 100n, principalPaid: 400n })], 600n, 0n);
    expect(result.installments).toEqual([
      { number: 2, interest: 0n, principal: 500n },
      { number: 3, interest: 100n, principal: 0n },
    ]);
  });

  it("a payment smaller than the late fees pays late fees only", () => {
    expect(applyPayment([due(1)], 30n, 50n)).toMatchObject({ lateFee: 30n, interest: 0n, principal: 0n, installments: [], overpayment: 0n });
  });

  it("returns what is left after everything is settled as an overpayment", () => {
    expect(applyPayment([due(1)], 1_500n, 0n)).toMatchObject({ principal: 900n, interest: 100n, overpayment: 500n });
    expect(applyPayment([], 10n, 0n).overpayment).toBe(10n);
  });

  it("refuses negative amounts and impossible paid states", () => {
    expect(() => applyPayment([due(1)], -1n, 0n)).toThrow(RangeError);
    expect(() => applyPayment([due(1, { principalPaid: 901n })], 1n, 0n)).toThrow(RangeError);
    expect(() => applyPayment([due(1), due(1)], 1n, 0n)).toThrow(RangeError);
  });

  it("conserves the payment and never touches a newer installment before an older one is settled", () => {
    const inst = fc.record({ principal: fc.bigInt({ min: 0n, max: 10_000_000n }), interest: fc.bigInt({ min: 0n, max: 2_000_000n }), paidPct: fc.nat({ max: 100 }) });
    fc.assert(
      fc.property(fc.array(inst, { maxLength: 12 }), fc.bigInt({ min: 0n, max: 100_000_000n }), fc.bigInt({ min: 0n, max: 1_000_000n }), (raw, amount, late) => {
        const list: InstallmentDue[] = raw.map((r, i) => ({
          number: i + 1, principal: r.principal, interest: r.interest,
          principalPaid: (r.principal * BigInt(r.paidPct)) / 100n, interestPaid: (r.interest * BigInt(r.paidPct)) / 100n,
        }));
        const result = applyPayment(list, amount, late);
        expect(result.lateFee + result.interest + result.principal + result.overpayment).toBe(amount);
        const owed = list.reduce((a, i) => a + i.principal - i.principalPaid + i.interest - i.interestPaid, late);
        if (result.overpayment > 0n) expect(result.lateFee + result.interest + result.principal).toBe(owed);
        if (result.installments.length > 0) expect(result.lateFee).toBe(late);
        result.installments.forEach((a, idx) => {
          const i = list[a.number - 1]!;
          expect(a.interest <= i.interest - i.interestPaid && a.principal <= i.principal - i.principalPaid).toBe(true);
          if (a.principal > 0n) expect(a.interest).toBe(i.interest - i.interestPaid);
          // Every earlier installment must be fully settled once a later one receives money.
          const earlier = result.installments.slice(0, idx);
          for (const e of earlier) {
            const ei = list[e.number - 1]!;
            expect(e.interest + e.principal).toBe(ei.interest - ei.interestPaid + ei.principal - ei.principalPaid);
          }
        });
      }),
    );
  });
});
