import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { loanInvestments, loans } from "@/db/schema";
import { assertKycApproved } from "@/lib/kyc";
import { assertRiskCheckPassed, assertWithinLenderLimit } from "@/lib/lending";

/**
 * What a lender has outstanding on Lumbung: money reserved for loans still funding, plus their share
 * of the principal not yet repaid on disbursed loans (floored per investment).
 */
export async function lenderOutstanding(db: DbOrTx, lenderId: string): Promise<bigint> {
  const [row] = rowsOf<{ outstanding: string }>(
    await db.execute(sql`
      select coalesce(sum(${investmentOutstandingSql("loan_investments", "loans")}), 0)::text as outstanding
      from ${loanInvestments}
      join ${loans} on ${loans.id} = ${loanInvestments.loanId}
      where ${and(eq(loanInvestments.lenderId, lenderId), inArray(loanInvestments.status, ["reserved", "active"]), sql`${loans.status} not in ('repaid', 'written_off', 'cancelled')`)}`),
  );
  return BigInt(row?.outstanding ?? "0");
}

/**
 * One investment's outstanding (the rule of lenderOutstanding, for set-based queries such as the
 * auto-purchase matcher): reserved → its amount; active on a live loan → its share of the principal
 * not yet repaid, floored; otherwise 0.
 */
export function investmentOutstandingSql(inv: string, loan: string): SQL {
  const i = (c: string) => sql.raw(`${inv}.${c}`);
  const l = (c: string) => sql.raw(`${loan}.${c}`);
  return sql`(case
    when ${l("status")} in ('repaid', 'written_off', 'cancelled') then 0
    when ${i("status")} = 'reserved' then ${i("amount")}
    when ${i("status")} = 'active' then (${i("amount")} * (${l("principal")} - ${l("principal_paid")})) / ${l("principal")}
    else 0 end)`;
}

/**
 * Lender eligibility, inside invest's transaction before any money moves: approved KYC, the passed
 * risk check of the current version, and the regulatory lender limit (10% / 20% of declared income).
 */
export async function assertLenderMayInvest(tx: DbOrTx, lenderId: string, _loanId: string, amount: bigint): Promise<void> {
  await assertKycApproved(tx, lenderId);
  await assertRiskCheckPassed(tx, lenderId);
  await assertWithinLenderLimit(tx, lenderId, amount, await lenderOutstanding(tx, lenderId));
}
