import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { autoPurchaseLenders, autoPurchaseStrategies, loanProducts, type AutoPurchaseStrategy } from "@/db/schema";
import { now } from "@/lib/clock";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { isKycApproved } from "@/lib/kyc";
import { riskStatusOf } from "@/lib/lending";
import { idr } from "@/lib/money/params";
import { POA_VERSION, type StrategyData } from "../schemas";

/** Shared helpers of the auto-purchase verbs (not verbs themselves: callers authorize first). */

export class StrategyNotFound extends NotFound {
  constructor() {
    super("The strategy", "strategy_not_found");
  }
}

/** The lender's own, non-archived strategy, locked for update; anyone else's is simply not found. */
export async function lockOwnStrategy(tx: DbOrTx, lenderId: string, strategyId: string): Promise<AutoPurchaseStrategy> {
  const [row] = await tx
    .select()
    .from(autoPurchaseStrategies)
    .where(and(eq(autoPurchaseStrategies.id, strategyId), eq(autoPurchaseStrategies.lenderId, lenderId), isNull(autoPurchaseStrategies.archivedAt)))
    .for("update");
  if (!row) throw new StrategyNotFound();
  return row;
}

/** Creates the lender's auto-purchase row if missing (POA not yet accepted). */
export async function ensureAutoPurchaseLender(tx: DbOrTx, lenderId: string): Promise<void> {
  const at = now();
  await tx.insert(autoPurchaseLenders).values({ lenderId, createdAt: at, updatedAt: at }).onConflictDoNothing();
}

export type Eligibility = { kycApproved: boolean; riskCheckPassed: boolean; poaVersion: number | null; poaAcceptedAt: Date | null; poaCurrent: boolean };

export async function readEligibility(db: DbOrTx, lenderId: string): Promise<Eligibility> {
  const kycApproved = await isKycApproved(db, lenderId);
  const riskCheckPassed = (await riskStatusOf(db, lenderId)).passed;
  const [poa] = await db
    .select({ v: autoPurchaseLenders.poaVersion, at: autoPurchaseLenders.poaAcceptedAt })
    .from(autoPurchaseLenders)
    .where(eq(autoPurchaseLenders.lenderId, lenderId));
  return { kycApproved, riskCheckPassed, poaVersion: poa?.v ?? null, poaAcceptedAt: poa?.at ?? null, poaCurrent: poa?.v === POA_VERSION };
}

/**
 * The amount per loan must be an investable amount for every product the strategy may buy: at least
 * the largest minimum and a multiple of every step (all products when the strategy names none).
 * Unknown product codes are refused.
 */
export async function checkStrategyAgainstProducts(db: DbOrTx, data: StrategyData): Promise<void> {
  const products = await db
    .select({ code: loanProducts.code, minInvestment: loanProducts.minInvestment, step: loanProducts.investmentStep })
    .from(loanProducts);
  const chosen = data.productCodes.length > 0 ? products.filter((p) => data.productCodes.includes(p.code)) : products;
  if (data.productCodes.some((c) => !products.some((p) => p.code === c))) {
    throw new ValidationFailed({ productCodes: "productUnknown" }, "Choose products from the list.");
  }
  for (const p of chosen) {
    if (data.amountPerLoan < p.minInvestment) {
      throw new ValidationFailed({ amountPerLoan: "amountTooSmall" }, "The amount per loan is below a chosen product's minimum investment (details.min).", undefined, { min: idr(p.minInvestment) });
    }
    if (data.amountPerLoan % p.step !== 0n) {
      throw new ValidationFailed({ amountPerLoan: "amountStep" }, "Use a multiple of a chosen product's investment step (details.step).", undefined, { step: idr(p.step) });
    }
  }
}

/** Column values of a strategy from parsed input. */
export function strategyColumns(data: StrategyData) {
  return {
    name: data.name,
    productCodes: data.productCodes,
    subgrades: data.subgrades,
    minTenorMonths: data.minTenorMonths ?? null,
    maxTenorMonths: data.maxTenorMonths ?? null,
    minRateBps: data.minRateBps ?? null,
    sectors: data.sectors,
    methods: data.methods,
    amountPerLoan: data.amountPerLoan,
    budget: data.budget,
    maxPerBorrower: data.maxPerBorrower ?? null,
    cashReserve: data.cashReserve,
    reinvest: data.reinvest,
  };
}

/** Next priority (last place) among the lender's strategies. */
export async function nextPriority(tx: DbOrTx, lenderId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${autoPurchaseStrategies.priority}), 0)::int` })
    .from(autoPurchaseStrategies)
    .where(and(eq(autoPurchaseStrategies.lenderId, lenderId), isNull(autoPurchaseStrategies.archivedAt)));
  return (row?.max ?? 0) + 1;
}

/** A timestamp from raw SQL: PGlite gives Date, postgres.js may give a string (ISO-like, with milliseconds). */
export function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(String(v));
}

/** A Date as a parameter of raw SQL (postgres.js does not serialize Date in untyped parameters). */
export function ts(d: Date): SQL {
  return sql`${d.toISOString()}::timestamptz`;
}
