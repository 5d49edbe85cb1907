import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { loanInvestments, loans } from "@/db/schema";
import { assertKycApproved } from "@/lib/kyc";
import { assertRiskCheckPassed, assertWithinLenderLimit } from "@/lib/lending";
import { RISK_DISCLOSURE_VERSION } from "@/lib/lending/schemas";
import { limitFromIncome, readLenderLimitSettings } from "@/lib/lending/limits";

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

export type LenderGate = {
  kycApproved: boolean;
  riskCheckPassed: boolean;
  outstanding: bigint;
  /** Outstanding with the given borrower (0 when none was given). */
  exposure: bigint;
  limit: bigint;
};

/**
 * assertLenderMayInvest's facts for many lenders in one query (the auto-purchase batch): approved KYC,
 * the current risk check passed, outstanding (the lenderOutstanding rule) and the limit (the
 * limitFromIncome rule over the income declared in KYC), plus the exposure to one borrower.
 */
export async function lenderGateMany(db: DbOrTx, lenderIds: readonly string[], borrowerId?: string): Promise<Map<string, LenderGate>> {
  const out = new Map<string, LenderGate>();
  if (lenderIds.length === 0) return out;
  const settings = await readLenderLimitSettings(db);
  const ids = sql`${`{${lenderIds.join(",")}}`}::uuid[]`;
  // Four independent index scans tagged and stacked (UNION ALL), merged here: no join whose order the
  // planner could get wrong when it underestimates how many lenders there are.
  const rows = rowsOf<{ tag: "kyc" | "risk" | "income" | "inv"; id: string; a: string | null; b: string | null }>(
    await db.execute(sql`
      select 'kyc' as tag, k.user_id as id, null::text as a, null::text as b from kyc_profiles k where k.user_id = any(${ids}) and k.status = 'approved'
      union all
      select 'risk', r.user_id, null, null from risk_acknowledgements r
        where r.user_id = any(${ids}) and r.version = ${RISK_DISCLOSURE_VERSION} and r.quiz_passed_at is not null
      union all
      select 'income', s.user_id, s.data->>'annualIncome', null from kyc_steps s where s.user_id = any(${ids}) and s.step = 'occupation'
      union all
      select 'inv', i.lender_id, sum(${investmentOutstandingSql("i", "l")})::text,
          coalesce(sum(${investmentOutstandingSql("i", "l")}) filter (where l.borrower_id = ${borrowerId ?? null}::uuid), 0)::text
        from loan_investments i join loans l on l.id = i.loan_id
        where i.lender_id = any(${ids}) and i.status in ('reserved', 'active')
        group by i.lender_id`),
  );
  for (const id of lenderIds) out.set(id, { kycApproved: false, riskCheckPassed: false, outstanding: 0n, exposure: 0n, limit: 0n });
  for (const r of rows) {
    const g = out.get(r.id);
    if (!g) continue;
    if (r.tag === "kyc") g.kycApproved = true;
    else if (r.tag === "risk") g.riskCheckPassed = true;
    else if (r.tag === "income") g.limit = limitFromIncome(settings, r.a && /^\d+$/.test(r.a) ? BigInt(r.a) : 0n).limit;
    else {
      g.outstanding = BigInt(r.a ?? "0");
      g.exposure = BigInt(r.b ?? "0");
    }
  }
  return out;
}
