import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";

export type TransparencyStats = {
  totalDisbursed: bigint;
  lenders: number;
  borrowers: number;
  /** Outstanding principal of disbursed, unpaid loans (not written off): the TKB90 base. */
  outstanding: bigint;
  /** Of that, principal more than 90 days past due. */
  outstandingOver90: bigint;
  /** 100 % − share over 90 days, in basis points (10 000 = 100 %); 10 000 when nothing is outstanding. */
  tkb90Bps: number;
  /** Registered accounts by role (signed up, whether or not they have invested or borrowed). */
  registeredLenders: number;
  registeredBorrowers: number;
  /** Loans ever disbursed, and the first disbursement (null when none). */
  loansDisbursed: number;
  firstDisbursedAt: Date | null;
  /**
   * Lenders' average return before losses: the annual interest rate of every disbursed loan weighted
   * by its principal, less the service fee on interest (rate × (1 − service fee)), in bps, rounded
   * down; null when no loan has been disbursed.
   */
  averageNetRateBps: number | null;
  /** The annual rates borrowers can be offered: lowest and highest of the active products' grade bands. */
  rateRange: { minRateBps: number; maxRateBps: number } | null;
  asOf: Date;
};

/**
 * Public figures for the landing page (no sign-in needed: aggregates only). "Lenders" counts lenders
 * holding an active investment and "borrowers" those with a disbursed loan; the registered counts
 * are every signed-up account of that role.
 */
export async function getTransparencyStats(): Promise<TransparencyStats> {
  const [row] = rowsOf<{ disbursed: string; lenders: number; borrowers: number; outstanding: string; over90: string }>(
    await getDb().execute(sql`
      select
        coalesce(sum(principal) filter (where disbursed_at is not null), 0)::text as disbursed,
        (select count(distinct lender_id)::int from loan_investments where status = 'active') as lenders,
        count(distinct borrower_id) filter (where disbursed_at is not null)::int as borrowers,
        coalesce(sum(principal - principal_paid) filter (where status in ('active', 'late', 'default')), 0)::text as outstanding,
        coalesce(sum(principal - principal_paid) filter (where status in ('active', 'late', 'default') and days_past_due > 90), 0)::text as over90
      from loans`),
  );
  const [extra] = rowsOf<{ reg_lenders: number; reg_borrowers: number; loans: number; first_at: string | Date | null; weighted: string | null; principal: string | null }>(
    await getDb().execute(sql`
      select
        (select count(*)::int from users where role = 'lender') as reg_lenders,
        (select count(*)::int from users where role = 'borrower') as reg_borrowers,
        count(*)::int as loans,
        min(disbursed_at) as first_at,
        sum(principal * rate_bps * (10000 - service_fee_bps))::text as weighted,
        sum(principal)::text as principal
      from loans where disbursed_at is not null`),
  );
  const bands = rowsOf<{ rate_bands: Record<string, { minRateBps: number; maxRateBps: number }> }>(
    await getDb().execute(sql`select rate_bands from loan_products where active`),
  ).flatMap((p) => Object.values(p.rate_bands ?? {}));
  const disbursedPrincipal = BigInt(extra?.principal ?? "0");
  const outstanding = BigInt(row?.outstanding ?? "0");
  const over90 = BigInt(row?.over90 ?? "0");
  return {
    totalDisbursed: BigInt(row?.disbursed ?? "0"),
    lenders: Number(row?.lenders ?? 0),
    borrowers: Number(row?.borrowers ?? 0),
    outstanding,
    outstandingOver90: over90,
    // The share over 90 days is rounded up, so TKB90 is never shown better than it is.
    tkb90Bps: outstanding === 0n ? 10_000 : Number(10_000n - (over90 * 10_000n + outstanding - 1n) / outstanding),
    registeredLenders: Number(extra?.reg_lenders ?? 0),
    registeredBorrowers: Number(extra?.reg_borrowers ?? 0),
    loansDisbursed: Number(extra?.loans ?? 0),
    firstDisbursedAt: extra?.first_at ? new Date(extra.first_at) : null,
    averageNetRateBps: disbursedPrincipal > 0n ? Number(BigInt(extra!.weighted ?? "0") / (disbursedPrincipal * 10_000n)) : null,
    rateRange: bands.length ? { minRateBps: Math.min(...bands.map((b) => b.minRateBps)), maxRateBps: Math.max(...bands.map((b) => b.maxRateBps)) } : null,
    asOf: now(),
  };
}
