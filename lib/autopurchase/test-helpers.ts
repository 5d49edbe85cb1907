import { getDb } from "@/db";
import { creditWallet, lenders } from "@/lib/loans/test-helpers";
import { recordVerifiedLenderFixture } from "@/lib/kyc/internal/verified-lender";
import { createTestUser } from "@/lib/testing/factories";
import { createStrategy } from "./create-strategy";
import { acceptPowerOfAttorney } from "./power-of-attorney";
import { POA_VERSION, type StrategyFormValues } from "./schemas";
import { setStrategyActive } from "./set-strategy-active";

export const baseStrategy = (o: Partial<StrategyFormValues> = {}): StrategyFormValues => ({
  name: "Everything",
  productCodes: [],
  subgrades: [],
  sectors: [],
  methods: [],
  amountPerLoan: "1000000",
  budget: "1000000000",
  cashReserve: "0",
  reinvest: true,
  ...o,
});

/** A verified lender with cash, the power of attorney accepted and one active strategy. */
export async function autoLender(o: { cash?: bigint; income?: bigint; strategy?: Partial<StrategyFormValues> } = {}) {
  let l;
  if (o.income !== undefined) {
    l = await createTestUser("lender");
    await recordVerifiedLenderFixture(getDb(), l.user.id, o.income);
    if ((o.cash ?? 1_000_000_000n) > 0n) await creditWallet(l.user.id, o.cash ?? 1_000_000_000n);
  } else if (o.cash === 0n) {
    l = await createTestUser("lender");
    await recordVerifiedLenderFixture(getDb(), l.user.id);
  } else {
    [l] = await lenders(1, o.cash ?? 1_000_000_000n);
  }
  await acceptPowerOfAttorney({ ctx: l!.ctx, input: { version: POA_VERSION, accepted: true } });
  const strategy = await createStrategy({ ctx: l!.ctx, input: baseStrategy(o.strategy) });
  await setStrategyActive({ ctx: l!.ctx, input: { strategyId: strategy.id, active: true } });
  return { ...l!, strategy };
}
