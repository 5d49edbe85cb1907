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
  asOf: Date;
};

/** Public figures for the landing page (no sign-in needed: aggregates only). */
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
    asOf: now(),
  };
}
