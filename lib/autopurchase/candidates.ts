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

/** Where a page of the queue ended: the last row's ranking key, the timestamp as PostgreSQL printed it (no precision lost). */
export type QueueCursor = { lastAllocatedAt: string | null; lenderId: string };

/**
 * One page of the candidate queue for a loan, in the allocation's ranking (least recently allocated
 * first, then lender id), after `after` (keyset): lenders who accepted the current power of attorney,
 * each with their first active, non-archived strategy by priority whose rules match the loan
 * (predicate.ts); lenders already holding a bought decision for this loan and the borrower are out.
 * Driven by auto_purchase_lenders_queue_idx (the ranking order) with a LATERAL per lender on
 * auto_purchase_strategies_lender_idx, so a page reads only the head of the ranking — about
 * limit ÷ match rate lenders — instead of ranking every strategy. Only the strategies' own columns:
 * the per-lender facts that cost a lookup per lender are read by candidateFacts for the batches the
 * matcher evaluates (lib/loans/allocation-lazy.ts). `lenderId` narrows it to one lender, and then only
 * a reinvest first strategy counts (matchLender). Lenders with strategies but no auto_purchase_lenders
 * row have no power of attorney and were never candidates.
 */
export async function selectCandidatePage(
  db: DbOrTx,
  loanId: string,
  opts: { lenderId?: string; after?: QueueCursor | null; limit: number },
): Promise<{ rows: QueuedCandidate[]; cursor: QueueCursor | null }> {
  const after = opts.after ?? null;
  const keyset =
    after === null
      ? sql``
      : after.lastAllocatedAt === null
        ? sql`and (a.last_allocated_at is not null or a.lender_id > ${after.lenderId}::uuid)`
        : sql`and (a.last_allocated_at, a.lender_id) > (${after.lastAllocatedAt}::timestamptz, ${after.lenderId}::uuid)`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with ln as (select * from loans where id = ${loanId})
      select s.id, a.lender_id, s.name, s.amount_per_loan::text, s.budget::text, s.max_per_borrower::text, s.cash_reserve::text, s.reinvest,
        a.last_allocated_at, a.last_allocated_at::text as cursor_at
      from auto_purchase_lenders a
      cross join ln
      cross join lateral (
        select s.id, s.name, s.amount_per_loan, s.budget, s.max_per_borrower, s.cash_reserve, s.reinvest
        from auto_purchase_strategies s
        where s.lender_id = a.lender_id and s.active and s.archived_at is null and ${rulesMatchLoan(savedRules("s"), "ln")}
        order by s.priority, s.created_at, s.id
        limit 1
      ) s
      where a.poa_version = ${POA_VERSION} and a.lender_id <> ln.borrower_id
        ${opts.lenderId ? sql`and a.lender_id = ${opts.lenderId} and s.reinvest` : sql``}
        ${keyset}
        and not exists (select 1 from auto_purchase_decisions d where d.loan_id = ${loanId} and d.lender_id = a.lender_id and d.outcome = 'bought')
      order by a.last_allocated_at nulls first, a.lender_id
      limit ${opts.limit}`),
  );
  const last = rows.at(-1);
  return {
    rows: rows.map(toQueued),
    cursor: last ? { lastAllocatedAt: last.cursor_at === null ? null : String(last.cursor_at), lenderId: String(last.lender_id) } : null,
  };
}

/**
 * The queue as a pager for allocateLazily: each call returns the next `size` candidates in ranking
 * order (fewer or none at the end), and counts how many were fetched.
 */
export function candidatePager(db: DbOrTx, loanId: string, opts: { lenderId?: string } = {}) {
  let cursor: QueueCursor | null = null;
  let done = false;
  const pager = {
    fetched: 0,
    next: async (size: number): Promise<QueuedCandidate[]> => {
      if (done) return [];
      const page = await selectCandidatePage(db, loanId, { lenderId: opts.lenderId, after: cursor, limit: size });
      if (page.rows.length < size) done = true;
      cursor = page.cursor ?? cursor;
      pager.fetched += page.rows.length;
      return page.rows;
    },
  };
  return pager;
}

/** The whole queue in ranking order (all pages): previews and tests. */
export async function selectCandidateQueue(db: DbOrTx, loanId: string, opts: { lenderId?: string } = {}): Promise<QueuedCandidate[]> {
  const pager = candidatePager(db, loanId, opts);
  const all: QueuedCandidate[] = [];
  for (;;) {
    const page = await pager.next(1000);
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

function toQueued(r: Record<string, unknown>): QueuedCandidate {
  return {
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
  };
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
