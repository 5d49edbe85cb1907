import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { autoPurchaseStrategies } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/internal/users";
import { systemCtx, userCtx } from "@/lib/context";
import { acceptPowerOfAttorney, createStrategy, POA_VERSION, setStrategyActive } from "@/lib/autopurchase";
import { matchLender } from "@/lib/autopurchase/match";
import { startJobQueue } from "@/lib/jobs/boss";

/**
 * Auto-purchase demo: the demo lender has accepted the power of attorney and has two strategies —
 * one active that has bought some of the listed demo loans through the real matcher (its small budget
 * makes the later loans show "budget" skips), one paused. Idempotent: skipped once the lender has any
 * strategy. Fast: one matching run per listed loan.
 */
export async function seedAutoPurchase(db: Db): Promise<void> {
  const lender = await findUserByEmail(db, "lender@lumbung.test");
  if (!lender) return;
  const [existing] = await db.select({ id: autoPurchaseStrategies.id }).from(autoPurchaseStrategies).where(eq(autoPurchaseStrategies.lenderId, lender.id)).limit(1);
  if (existing) return;
  await startJobQueue();
  const ctx = userCtx(lender.id, "lender");
  await acceptPowerOfAttorney({ ctx, input: { version: POA_VERSION, accepted: true } });
  const active = await createStrategy({
    ctx,
    input: {
      name: "Working capital, steady",
      productCodes: ["modal-usaha", "paylater-bisnis"],
      subgrades: [],
      sectors: [],
      methods: [],
      minRateBps: "11",
      amountPerLoan: "1000000",
      budget: "4000000",
      maxPerBorrower: "80000000",
      cashReserve: "100000000",
      reinvest: true,
    },
  });
  await createStrategy({
    ctx,
    input: {
      name: "Short invoices",
      productCodes: ["invoice-financing"],
      subgrades: ["A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3"],
      sectors: [],
      methods: [],
      maxTenorMonths: "2",
      amountPerLoan: "2000000",
      budget: "20000000",
      cashReserve: "0",
      reinvest: false,
    },
  });
  await setStrategyActive({ ctx, input: { strategyId: active.id, active: true } });
  // What the match-lender job does when cash arrives: the listed loans, oldest first.
  await matchLender({ ctx: systemCtx("seed"), input: { lenderId: lender.id } });
}
