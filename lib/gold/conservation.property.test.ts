import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { advanceNow, setNow } from "@/lib/clock";
import { InsufficientFunds, ValidationFailed } from "@/lib/errors";
import { balanceOf, expectLedgerHealthy, goldLender, trade } from "./test-helpers";

/**
 * Random sequences of buys and sells (by rupiah and by grams, some too big) by two lenders against the
 * real verbs and database. After every step: each user's gold equals Σ bought − Σ sold and is never
 * negative, cash equals start − Σ paid + Σ received, and the ledger balances per unit (IDR and XAU:
 * Σ balances = 0, debits = credits, cached = computed).
 */
type Action = { who: number; side: "buy" | "sell"; mode: "rupiah" | "grams"; amount: number; minutes: number };

const action: fc.Arbitrary<Action> = fc.record({
  who: fc.nat({ max: 1 }),
  side: fc.constantFrom("buy" as const, "sell" as const),
  mode: fc.constantFrom("rupiah" as const, "grams" as const),
  amount: fc.integer({ min: 1, max: 400_000 }),
  minutes: fc.integer({ min: 0, max: 90 }),
});

beforeAll(() => setNow("2026-11-20T01:00:00Z"));

describe("gold conservation (property)", () => {
  it("grams and rupiah are conserved across random trades", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        const startCash = 2_000_000n;
        const users = [await goldLender(startCash), await goldLender(startCash)];
        const model = users.map(() => ({ units: 0n, cash: startCash }));
        for (const a of actions) {
          advanceNow(a.minutes * 60_000);
          const u = users[a.who]!;
          // rupiah mode: amount is rupiah (Rp1 … Rp400.000); grams mode: amount is units (up to 40 g)
          const amount = a.mode === "rupiah" ? String(a.amount) : `${Math.floor(a.amount / 10_000)}.${String(a.amount % 10_000).padStart(4, "0")}`;
          try {
            const r = await trade(u.ctx, a.side, a.mode, amount);
            const m = model[a.who]!;
            if (a.side === "buy") {
              m.units += r.trade.units;
              m.cash -= r.trade.rupiah;
            } else {
              m.units -= r.trade.units;
              m.cash += r.trade.rupiah;
            }
          } catch (e) {
            if (!(e instanceof InsufficientFunds) && !(e instanceof ValidationFailed)) throw e;
          }
          for (let i = 0; i < users.length; i++) {
            const gold = await balanceOf(users[i]!.user.id, "user_gold");
            expect(gold).toBe(model[i]!.units);
            expect(gold >= 0n).toBe(true);
            expect(await balanceOf(users[i]!.user.id, "user_cash")).toBe(model[i]!.cash);
          }
        }
        await expectLedgerHealthy();
      }),
      { numRuns: 8 },
    );
  });
});
