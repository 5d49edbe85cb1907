import "server-only";
import type { DbOrTx } from "@/db";
import { loanProducts, regulatoryCaps, type RateBandsJson } from "@/db/schema";
import { now } from "@/lib/clock";
import { BUSINESS_CAPS_2026 } from "../caps";

/**
 * The products and caps a new platform starts with (the seed and tests insert them; admins edit
 * products later). Every product's worst subgrade at its shortest tenor stays under the 2026 daily
 * cost cap of 0.067 %/day including its platform fee: the shortest tenors are where fees weigh most.
 */
type DefaultProduct = Omit<typeof loanProducts.$inferInsert, "createdAt" | "updatedAt" | "rateBands"> & { rateBands: RateBandsJson };

export const DEFAULT_PRODUCTS: DefaultProduct[] = [
  {
    code: "modal-usaha",
    name: "Modal Usaha",
    description: "Working capital for growing SMEs, repaid in equal monthly installments.",
    minAmount: 5_000_000n,
    maxAmount: 2_000_000_000n,
    tenorUnit: "months",
    minTenor: 3,
    maxTenor: 24,
    method: "annuity",
    platformFeeBps: 200,
    lateFeeDailyPpm: 670,
    rateBands: {
      A: { minRateBps: 1000, maxRateBps: 1200 },
      B: { minRateBps: 1200, maxRateBps: 1400 },
      C: { minRateBps: 1400, maxRateBps: 1700 },
      D: { minRateBps: 1700, maxRateBps: 2000 },
      E: { minRateBps: 2000, maxRateBps: 2200 },
    },
  },
  {
    code: "invoice-financing",
    name: "Invoice Financing",
    description: "An advance on an unpaid invoice, repaid in one payment when the customer pays.",
    minAmount: 10_000_000n,
    maxAmount: 2_000_000_000n,
    tenorUnit: "days",
    minTenor: 30,
    maxTenor: 90,
    method: "bullet",
    platformFeeBps: 25,
    lateFeeDailyPpm: 670,
    rateBands: {
      A: { minRateBps: 1000, maxRateBps: 1200 },
      B: { minRateBps: 1200, maxRateBps: 1400 },
      C: { minRateBps: 1400, maxRateBps: 1600 },
      D: { minRateBps: 1600, maxRateBps: 1800 },
      E: { minRateBps: 1800, maxRateBps: 2000 },
    },
  },
  {
    code: "paylater-bisnis",
    name: "Paylater Bisnis",
    description: "Buy stock now and pay in a few flat monthly installments.",
    minAmount: 1_000_000n,
    maxAmount: 50_000_000n,
    tenorUnit: "months",
    minTenor: 2,
    maxTenor: 6,
    method: "flat",
    platformFeeBps: 50,
    lateFeeDailyPpm: 670,
    rateBands: {
      A: { minRateBps: 1000, maxRateBps: 1200 },
      B: { minRateBps: 1200, maxRateBps: 1350 },
      C: { minRateBps: 1350, maxRateBps: 1500 },
      D: { minRateBps: 1500, maxRateBps: 1650 },
      E: { minRateBps: 1650, maxRateBps: 1800 },
    },
  },
];

/** Inserts the default products and the 2026 business caps if missing (idempotent). */
export async function ensureLoanDefaults(tx: DbOrTx): Promise<void> {
  const at = now();
  await tx
    .insert(loanProducts)
    .values(DEFAULT_PRODUCTS.map((p) => ({ ...p, createdAt: at, updatedAt: at })))
    .onConflictDoNothing({ target: loanProducts.code });
  await tx
    .insert(regulatoryCaps)
    .values(
      BUSINESS_CAPS_2026.map((c) => ({
        segment: c.segment,
        tenorBucket: c.tenorBucket,
        effectiveFrom: c.effectiveFrom,
        maxDailyCostPpm: c.maxDailyCostPpm,
        maxLateFeeDailyPpm: c.maxLateFeeDailyPpm,
        maxTotalCostPct: c.maxTotalCostPctOfPrincipal,
        maxOutstandingPerBorrower: c.maxOutstandingPerBorrower,
        createdAt: at,
      })),
    )
    .onConflictDoNothing();
}
