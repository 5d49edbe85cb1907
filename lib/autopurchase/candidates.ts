import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { toDate } from "./store";
import { investmentOutstandingSql } from "@/lib/loans/lender-gate";
import { rulesMatchLoan, savedRules } from "./predicate";
import { POA_VERSION } from "./schemas";

/** A candidate as the queue knows it: the cheap columns of its first matching strategy. */
export type QueuedCandidate = {
  /** The lender's id: the ranking's tie-break (allocate()'s comparePriority). */
  id: string;
  strategyId: string;
  lenderId: string;
  strategyName: string;
  amountPerLoan: bigint;
  budget: bigint;
  maxPerBorrower: bigint | null;
  cashReserve: bigint;
  reinvest: boolean;
  lastAllocatedAt: Date | null;
};

export type CandidateRow = QueuedCandidate & {
  cash: bigint;
  strategyInvested: bigint;
  strategyOutstanding: bigint;
};

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * The candidate strategies for one loan, in ONE set-based query: active, non-archived strategies of
 * lenders who accepted the current power of attorney, whose rules match the loan (predicate.ts), and
 * per lender only the first of them by priority; lenders already holding a bought decision for this
 * loan and the borrower themselves are out. Only the strategies' own columns, in the allocation's
 * ranking (least recently allocated first, then lender id): the per-lender facts that cost a lookup per
 * lender (cash, budget use, lender gate) are read by candidateFacts for the batches the matcher
 * actually evaluates (lib/loans/allocation-lazy.ts). `lenderId` narrows it to one lender's reinvest
 * strategies (matchLender).
 */
export async function selectCandidateQueue(db: DbOrTx, loanId: string, opts: { lenderId?: string } = {}): Promise<QueuedCandidate[]> {
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
      )
      select f.id, f.lender_id, f.name, f.amount_per_loan::text, f.budget::text, f.max_per_borrower::text, f.cash_reserve::text, f.reinvest, f.last_allocated_at
      from firsts f
      where not exists (select 1 from auto_purchase_decisions d where d.loan_id = ${loanId} and d.lender_id = f.lender_id and d.outcome = 'bought')
        ${opts.lenderId ? sql`and f.reinvest` : sql``}
      order by f.last_allocated_at nulls first, f.lender_id`),
  );
  return rows.map((r) => ({
    id: String(r.lender_id),
    strategyId: String(r.id),
    lenderId: String(r.lender_id),
    strategyName: String(r.name),
    amountPerLoan: BigInt(String(r.amount_per_loan)),
    budget: BigInt(String(r.budget)),
    maxPerBorrower: r.max_per_borrower === null ? null : BigInt(String(r.max_per_borrower)),
    cashReserve: BigInt(String(r.cash_reserve)),
    reinvest: Boolean(r.reinvest),
    lastAllocatedAt: r.last_allocated_at === null ? null : toDate(r.last_allocated_at),
  }));
}

/** Each queued candidate's available cash and its strategy's budget use, for one batch (keyed by lender / strategy id arrays). */
export async function candidateFacts(db: DbOrTx, batch: readonly QueuedCandidate[]): Promise<CandidateRow[]> {
  if (batch.length === 0) return [];
  const cash = new Map(
    rowsOf<{ owner_id: string; balance: string }>(
      await db.execute(sql`
        select owner_id, balance::text from ledger_accounts
        where owner_type = 'user' and owner_id = any(${uuidArray(batch.map((c) => c.lenderId))}) and type = 'user_cash' and unit = 'IDR'`),
    ).map((r) => [r.owner_id, BigInt(r.balance)]),
  );
  // Budget use per strategy, in two steps keyed by strategy:
  //  1. all-time invested, from the decisions alone;
  //  2. what is still outstanding — which needs the investments and loans — only for reinvest
  //     strategies whose budget could bind (budget − invested < amount per loan). For the others
  //     outstanding ≤ invested leaves at least the amount per loan of budget either way, so invested
  //     stands in for it without changing any request.
  const invested = new Map(
    rowsOf<{ strategy_id: string; invested: string }>(
      await db.execute(sql`
        select strategy_id, sum(amount)::text as invested from auto_purchase_decisions
        where strategy_id = any(${uuidArray(batch.map((c) => c.strategyId))}) and outcome = 'bought'
        group by strategy_id`),
    ).map((u) => [u.strategy_id, BigInt(u.invested)]),
  );
  const near = batch.filter((c) => c.reinvest && c.budget - (invested.get(c.strategyId) ?? 0n) < c.amountPerLoan).map((c) => c.strategyId);
  const outstanding = new Map<string, bigint>();
  if (near.length > 0) {
    for (const u of rowsOf<{ strategy_id: string; outstanding: string }>(
      await db.execute(sql`
        select d.strategy_id, sum(${investmentOutstandingSql("i", "l2")})::text as outstanding
        from auto_purchase_decisions d
        join loan_investments i on i.id = d.investment_id
        join loans l2 on l2.id = i.loan_id
        where d.strategy_id = any(${uuidArray(near)}) and d.outcome = 'bought'
        group by d.strategy_id`),
    )) {
      outstanding.set(u.strategy_id, BigInt(u.outstanding));
    }
  }
  return batch.map((c) => ({
    ...c,
    cash: cash.get(c.lenderId) ?? 0n,
    strategyInvested: invested.get(c.strategyId) ?? 0n,
    strategyOutstanding: outstanding.get(c.strategyId) ?? invested.get(c.strategyId) ?? 0n,
  }));
}
