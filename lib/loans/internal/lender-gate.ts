import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { loanInvestments, loans } from "@/db/schema";
import { assertKycApproved } from "@/lib/kyc";
import { ensureUserAccount, lockAccounts } from "@/lib/ledger";
import { assertRiskCheckPassed, assertWithinLenderLimit } from "@/lib/lending";
import { RISK_DISCLOSURE_VERSION } from "@/lib/lending/schemas";
import { limitFromIncome, readLenderLimitSettings, type LenderLimitSettings } from "@/lib/lending";
import { uuidArray } from "@/db/sql-arrays";

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
 * lenderOutstanding for many lenders in one statement (the same rule), for investMany's re-read under
 * the lenders' locks. Every id given gets an entry (0 when nothing is outstanding).
 */
export async function lenderOutstandingMany(db: DbOrTx, lenderIds: readonly string[]): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  if (lenderIds.length === 0) return out;
  const rows = rowsOf<{ id: string; outstanding: string }>(
    await db.execute(sql`
      select u.id, coalesce((
          select sum(${investmentOutstandingSql("gi", "gl")}) from loan_investments gi join loans gl on gl.id = gi.loan_id
          where gi.lender_id = u.id and gi.status in ('reserved', 'active')
        ), 0)::text as outstanding
      from unnest(${uuidArray(lenderIds)}) as u(id)`),
  );
  for (const r of rows) out.set(r.id, BigInt(r.outstanding));
  return out;
}

/**
 * The lock that serialises ONE lender's purchases (issue 12, security 10): their rupiah cash and
 * lender_reserved ledger accounts, created if missing and locked FOR NO KEY UPDATE in id order until
 * commit. Every purchase path takes it after the loan row and before it reads the lender's outstanding
 * — invest() (manual, cart checkout) through assertLenderMayInvest, investMany (auto-purchase) for its
 * whole batch — and it is exactly the rows the purchase's ledger transfer locks next, in the ledger's
 * own order (loan, then accounts by id), so it adds no new lock order and no deadlock. A second
 * purchase by the same lender waits here, and its outstanding, read in a later statement, includes the
 * first one's investment once that commits.
 */
export async function lockLenderPurchases(tx: DbOrTx, lenderId: string): Promise<{ cashId: string; reservedId: string }> {
  const [cash, reserved] = await Promise.all([ensureUserAccount(tx, lenderId, "user_cash"), ensureUserAccount(tx, lenderId, "lender_reserved")]);
  await lockAccounts(tx, [cash.id, reserved.id]);
  return { cashId: cash.id, reservedId: reserved.id };
}

/**
 * Lender eligibility, inside invest's transaction before any money moves (the loan row already
 * locked): approved KYC, the passed risk check of the current version, and the regulatory lender limit
 * (10% / 20% of declared income) — the outstanding read under lockLenderPurchases, so two purchases by
 * the same lender at the same moment cannot both pass it. Returns the locked accounts.
 */
export async function assertLenderMayInvest(tx: DbOrTx, lenderId: string, _loanId: string, amount: bigint): Promise<{ cashId: string; reservedId: string }> {
  await assertKycApproved(tx, lenderId);
  await assertRiskCheckPassed(tx, lenderId);
  const accounts = await lockLenderPurchases(tx, lenderId);
  await assertWithinLenderLimit(tx, lenderId, amount, await lenderOutstanding(tx, lenderId));
  return accounts;
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
 * The gate's facts for the lender whose id is the SQL expression `lenderId`, as the pieces of a query
 * over any set of lenders (lenderGateMany, the auto-purchase candidate facts): `columns` for the select
 * list (gate_kyc, gate_risk, gate_income, gate_outstanding, gate_exposure) and `joins` for the from
 * clause. Each fact is an index probe per lender (kyc_profiles_user_unique,
 * risk_acknowledgements_user_version_unique, kyc_steps_user_step_unique, loan_investments_lender_idx):
 * no join order for the planner to get wrong however many lenders there are. Read with gateFromRow.
 */
export function lenderGateSql(
  lenderId: SQL,
  borrowerId: string | null | undefined,
  opts: { strategyInvested?: SQL } = {},
): { columns: SQL; joins: SQL } {
  const live = sql`gi.status in ('reserved', 'active')`;
  return {
    // Scalar subqueries with LIMIT, not EXISTS: the planner turns an uncorrelatable EXISTS into a hashed
    // subplan that seq-scans the whole table once per query, slower than a few hundred index probes.
    columns: sql`coalesce((select true from kyc_profiles k where k.user_id = ${lenderId} and k.status = 'approved' limit 1), false) as gate_kyc,
      coalesce((select true from risk_acknowledgements r where r.user_id = ${lenderId} and r.version = ${RISK_DISCLOSURE_VERSION} and r.quiz_passed_at is not null limit 1), false) as gate_risk,
      (select ks.data->>'annualIncome' from kyc_steps ks where ks.user_id = ${lenderId} and ks.step = 'occupation') as gate_income,
      coalesce(gate_inv.outstanding, 0)::text as gate_outstanding, coalesce(gate_inv.exposure, 0)::text as gate_exposure
      ${opts.strategyInvested ? sql`, coalesce(gate_inv.strategy_invested, 0)::text as strategy_invested` : sql``}`,
    // One pass over the lender's investments: outstanding and exposure count the live ones; with
    // strategyInvested (an auto-purchase strategy's id expression) it also sums what that strategy bought,
    // whatever the status.
    joins: sql`left join lateral (
        select sum(${investmentOutstandingSql("gi", "gl")}) filter (where ${live}) as outstanding,
          sum(${investmentOutstandingSql("gi", "gl")}) filter (where ${live} and gl.borrower_id = ${borrowerId ?? null}::uuid) as exposure
          ${opts.strategyInvested ? sql`, sum(gi.amount) filter (where gi.auto_strategy_id = ${opts.strategyInvested}) as strategy_invested` : sql``}
        from loan_investments gi join loans gl on gl.id = gi.loan_id
        where gi.lender_id = ${lenderId}
      ) gate_inv on true`,
  };
}

export type LenderGateRow = { gate_kyc: boolean; gate_risk: boolean; gate_income: string | null; gate_outstanding: string; gate_exposure: string };

/** A row holding lenderGateSql's columns as a LenderGate (the limit from the declared income, limitFromIncome). */
export function gateFromRow(settings: LenderLimitSettings, r: LenderGateRow): LenderGate {
  const income = r.gate_income && /^\d+$/.test(r.gate_income) ? BigInt(r.gate_income) : 0n;
  return {
    kycApproved: r.gate_kyc === true,
    riskCheckPassed: r.gate_risk === true,
    outstanding: BigInt(r.gate_outstanding),
    exposure: BigInt(r.gate_exposure),
    limit: limitFromIncome(settings, income).limit,
  };
}

/**
 * assertLenderMayInvest's facts for many lenders in one query (the auto-purchase batch): approved KYC,
 * the current risk check passed, outstanding (the lenderOutstanding rule) and the limit (the
 * limitFromIncome rule over the income declared in KYC), plus the exposure to one borrower.
 * `settings`: the lender limit settings when the caller has read them already.
 */
export async function lenderGateMany(
  db: DbOrTx,
  lenderIds: readonly string[],
  borrowerId?: string,
  settings?: LenderLimitSettings,
): Promise<Map<string, LenderGate>> {
  const out = new Map<string, LenderGate>();
  if (lenderIds.length === 0) return out;
  const limits = settings ?? (await readLenderLimitSettings(db));
  const gate = lenderGateSql(sql`u.id`, borrowerId);
  const rows = rowsOf<LenderGateRow & { id: string }>(
    await db.execute(sql`
      select u.id, ${gate.columns}
      from unnest(${uuidArray(lenderIds)}) as u(id)
      ${gate.joins}`),
  );
  for (const r of rows) out.set(r.id, gateFromRow(limits, r));
  return out;
}
