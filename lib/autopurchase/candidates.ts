import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { toDate } from "./store";
import { investmentOutstandingSql } from "@/lib/loans/lender-gate";
import { rulesMatchLoan, savedRules } from "./predicate";
import { POA_VERSION } from "./schemas";

export type CandidateRow = {
  strategyId: string;
  lenderId: string;
  strategyName: string;
  amountPerLoan: bigint;
  budget: bigint;
  maxPerBorrower: bigint | null;
  cashReserve: bigint;
  reinvest: boolean;
  lastAllocatedAt: Date | null;
  cash: bigint;
  strategyInvested: bigint;
  strategyOutstanding: bigint;
};

/**
 * The candidate strategies for one loan, in ONE set-based query: active, non-archived strategies of
 * lenders who accepted the current power of attorney, whose rules match the loan (predicate.ts), and
 * per lender only the first of them by priority; lenders already holding a bought decision for this
 * loan and the borrower themselves are out. Joined with each lender's available cash and each
 * strategy's budget use. `lenderId` narrows it to one lender's reinvest strategies (matchLender).
 */
export async function selectCandidates(db: DbOrTx, loanId: string, opts: { lenderId?: string } = {}): Promise<CandidateRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with l as (select * from loans where id = ${loanId}),
      firsts as (
        select distinct on (s.lender_id) s.id, s.lender_id, s.name, s.amount_per_loan, s.budget, s.max_per_borrower, s.cash_reserve, s.reinvest, a.last_allocated_at
        from auto_purchase_strategies s
        join auto_purchase_lenders a on a.lender_id = s.lender_id and a.poa_version = ${POA_VERSION}
        cross join l
        where s.active and s.archived_at is null and s.lender_id <> l.borrower_id
          ${opts.lenderId ? sql`and s.lender_id = ${opts.lenderId}` : sql``}
          and ${rulesMatchLoan(savedRules("s"), "l")}
        order by s.lender_id, s.priority, s.created_at, s.id
      ),
      cands as materialized (
        select f.* from firsts f
        where not exists (select 1 from auto_purchase_decisions d where d.loan_id = ${loanId} and d.lender_id = f.lender_id and d.outcome = 'bought')
          ${opts.lenderId ? sql`and f.reinvest` : sql``}
      )
      select c.id, c.lender_id, c.name, c.amount_per_loan::text, c.budget::text, c.max_per_borrower::text, c.cash_reserve::text, c.reinvest, c.last_allocated_at,
        coalesce(cash.balance, 0)::text as cash
      from cands c
      left join ledger_accounts cash on cash.owner_type = 'user' and cash.owner_id = c.lender_id and cash.type = 'user_cash' and cash.unit = 'IDR'`),
  );
  if (rows.length === 0) return [];
  // Budget use per strategy, in two steps keyed by strategy (merged here, so no join order depends on
  // the planner's guess of how many candidates there are):
  //  1. all-time invested, from the decisions alone;
  //  2. what is still outstanding — which needs the investments and loans — only for reinvest
  //     strategies whose budget could bind (budget − invested < amount per loan). For the others
  //     outstanding ≤ invested leaves at least the amount per loan of budget either way, so invested
  //     stands in for it without changing any request.
  const invested = new Map(
    rowsOf<{ strategy_id: string; invested: string }>(
      await db.execute(sql`
        select strategy_id, sum(amount)::text as invested from auto_purchase_decisions
        where strategy_id = any(${`{${rows.map((r) => String(r.id)).join(",")}}`}::uuid[]) and outcome = 'bought'
        group by strategy_id`),
    ).map((u) => [u.strategy_id, BigInt(u.invested)]),
  );
  const near = rows.filter((r) => r.reinvest && BigInt(String(r.budget)) - (invested.get(String(r.id)) ?? 0n) < BigInt(String(r.amount_per_loan))).map((r) => String(r.id));
  const outstanding = new Map<string, bigint>();
  if (near.length > 0) {
    for (const u of rowsOf<{ strategy_id: string; outstanding: string }>(
      await db.execute(sql`
        select d.strategy_id, sum(${investmentOutstandingSql("i", "l2")})::text as outstanding
        from auto_purchase_decisions d
        join loan_investments i on i.id = d.investment_id
        join loans l2 on l2.id = i.loan_id
        where d.strategy_id = any(${`{${near.join(",")}}`}::uuid[]) and d.outcome = 'bought'
        group by d.strategy_id`),
    )) {
      outstanding.set(u.strategy_id, BigInt(u.outstanding));
    }
  }
  return rows.map((r) => ({
    strategyId: String(r.id),
    lenderId: String(r.lender_id),
    strategyName: String(r.name),
    amountPerLoan: BigInt(String(r.amount_per_loan)),
    budget: BigInt(String(r.budget)),
    maxPerBorrower: r.max_per_borrower === null ? null : BigInt(String(r.max_per_borrower)),
    cashReserve: BigInt(String(r.cash_reserve)),
    reinvest: Boolean(r.reinvest),
    lastAllocatedAt: r.last_allocated_at === null ? null : toDate(r.last_allocated_at),
    cash: BigInt(String(r.cash)),
    strategyInvested: invested.get(String(r.id)) ?? 0n,
    strategyOutstanding: outstanding.get(String(r.id)) ?? invested.get(String(r.id)) ?? 0n,
  }));
}
