import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { toDate } from "./store";
import { gateFromRow, investmentOutstandingSql, lenderGateSql, type LenderGate, type LenderGateRow } from "@/lib/loans/internal/lender-gate";
import type { LenderLimitSettings } from "@/lib/lending";
import { rulesMatchLoan, savedRules } from "../predicate";
import { POA_VERSION, type SkipReason } from "../schemas";

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
  /** The reason of the skip an earlier run recorded for this lender on this loan, if any. */
  priorSkip: SkipReason | null;
};


/** Where a page of the queue ended: the last row's ranking key, the timestamp as PostgreSQL printed it (no precision lost). */
export type QueueCursor = { lastAllocatedAt: string | null; lenderId: string };

/** The per-lender facts a page can carry: read with the page, in the same statement (selectEvaluatedPage). */
export type FactsInput = { borrowerId: string; settings: LenderLimitSettings };

/**
 * One page of the candidate queue for a loan, in the allocation's ranking (least recently allocated
 * first, then lender id), after `after` (keyset): lenders who accepted the current power of attorney,
 * each with their first active, non-archived strategy by priority whose rules match the loan
 * (predicate.ts); lenders auto-purchase already bought this loan for (an investment with an
 * auto_strategy_id) and the borrower are out.
 * Driven by auto_purchase_lenders_queue_idx (the ranking order) with a LATERAL per lender on
 * auto_purchase_strategies_lender_idx, so a page reads only the head of the ranking — about
 * limit ÷ match rate lenders — instead of ranking every strategy. `lenderId` narrows it to one lender,
 * and then only a reinvest first strategy counts (matchLender). Lenders with strategies but no
 * auto_purchase_lenders row have no power of attorney and were never candidates.
 *
 * With `facts`, each row of the page also carries what its request needs (factsSql), computed in the
 * same statement for the page's rows only (the limited page is a subquery the lookups run over).
 */
async function queryPage(
  db: DbOrTx,
  loanId: string,
  opts: { lenderId?: string; after?: QueueCursor | null; limit: number },
  facts: FactsInput | null,
): Promise<{ rows: Record<string, unknown>[]; cursor: QueueCursor | null }> {
  const after = opts.after ?? null;
  const keyset =
    after === null
      ? sql``
      : after.lastAllocatedAt === null
        ? sql`and (a.last_allocated_at is not null or a.lender_id > ${after.lenderId}::uuid)`
        : sql`and (a.last_allocated_at, a.lender_id) > (${after.lastAllocatedAt}::timestamptz, ${after.lenderId}::uuid)`;
  const withFacts = facts ? factsSql(loanId, facts.borrowerId) : null;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with ln as (select * from loans where id = ${loanId})
      select c.strategy_id as id, c.lender_id, c.name, c.amount_per_loan::text, c.budget::text, c.max_per_borrower::text, c.cash_reserve::text,
        c.reinvest, c.last_allocated_at, c.last_allocated_at::text as cursor_at
        ${withFacts ? sql`, ${withFacts.columns}` : sql``}
      from (
        select s.id as strategy_id, a.lender_id, s.name, s.amount_per_loan, s.budget, s.max_per_borrower, s.cash_reserve, s.reinvest, a.last_allocated_at
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
          -- NOT IN, not NOT EXISTS: one scan of the loan's purchases into a hashed set (lender_id is never null),
          -- rather than a scan of them per lender read.
          and a.lender_id not in (select bought.lender_id from loan_investments bought where bought.loan_id = ${loanId} and bought.auto_strategy_id is not null)
        order by a.last_allocated_at nulls first, a.lender_id
        limit ${opts.limit}
      ) c
      ${withFacts ? withFacts.joins : sql``}
      order by c.last_allocated_at nulls first, c.lender_id`),
  );
  const last = rows.at(-1);
  return { rows, cursor: last ? { lastAllocatedAt: last.cursor_at === null ? null : String(last.cursor_at), lenderId: String(last.lender_id) } : null };
}

/** One page of the candidate queue (queryPage), the strategies' own columns only: previews and tests. */
export async function selectCandidatePage(
  db: DbOrTx,
  loanId: string,
  opts: { lenderId?: string; after?: QueueCursor | null; limit: number },
): Promise<{ rows: QueuedCandidate[]; cursor: QueueCursor | null }> {
  const page = await queryPage(db, loanId, opts, null);
  return { rows: page.rows.map(toQueued), cursor: page.cursor };
}

/** One page of the candidate queue (queryPage) with each candidate's facts: the matcher's read. */
export async function selectEvaluatedPage(
  db: DbOrTx,
  loanId: string,
  opts: { lenderId?: string; after?: QueueCursor | null; limit: number },
  facts: FactsInput,
): Promise<{ rows: EvaluatedCandidate[]; cursor: QueueCursor | null }> {
  const page = await queryPage(db, loanId, opts, facts);
  return { rows: page.rows.map((r) => toEvaluated(r, facts.settings)), cursor: page.cursor };
}

/**
 * A page reader as a pager for allocateLazily: each call returns the next `size` candidates in ranking
 * order (fewer at the end, then none without asking again), and counts how many were fetched.
 */
function pagerOver<T>(read: (after: QueueCursor | null, limit: number) => Promise<{ rows: T[]; cursor: QueueCursor | null }>) {
  let cursor: QueueCursor | null = null;
  let done = false;
  const pager = {
    fetched: 0,
    next: async (size: number): Promise<T[]> => {
      if (done) return [];
      const page = await read(cursor, size);
      if (page.rows.length < size) done = true;
      cursor = page.cursor ?? cursor;
      pager.fetched += page.rows.length;
      return page.rows;
    },
  };
  return pager;
}

/** The queue's pages, strategies' columns only. */
export function candidatePager(db: DbOrTx, loanId: string, opts: { lenderId?: string } = {}) {
  return pagerOver((after, limit) => selectCandidatePage(db, loanId, { lenderId: opts.lenderId, after, limit }));
}

/** The queue's pages with each candidate's facts (the matcher). */
export function evaluatedPager(db: DbOrTx, loanId: string, opts: { lenderId?: string; facts: FactsInput }) {
  return pagerOver((after, limit) => selectEvaluatedPage(db, loanId, { lenderId: opts.lenderId, after, limit }, opts.facts));
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

export type EvaluatedCandidate = CandidateRow & { gate: LenderGate };

/**
 * The facts behind a candidate's request, as select-list columns and joins over the page's rows `c`
 * (lender_id, strategy_id, reinvest, budget, amount_per_loan) — index probes per row, no join order to
 * get wrong: the skip an earlier run left for the lender on this loan (so the matcher knows which
 * skips are new without asking again), the lender's available cash, the strategy's budget use and the
 * lender gate (lenderGateSql: KYC, risk check, outstanding, limit, exposure to the loan's borrower).
 * Budget use is the strategy's own purchases (loan_investments.auto_strategy_id): all-time invested
 * always, and what is still outstanding — which needs the loans too — only for reinvest strategies
 * whose budget could bind (budget − invested < amount per loan). For the others outstanding ≤ invested
 * leaves at least the amount per loan of budget either way, so invested stands in for it without
 * changing any request.
 */
function factsSql(loanId: string, borrowerId: string): { columns: SQL; joins: SQL } {
  // The strategy's all-time invested comes from the same pass over the lender's investments as the gate's outstanding.
  const gate = lenderGateSql(sql`c.lender_id`, borrowerId, { strategyInvested: sql`c.strategy_id` });
  return {
    columns: sql`(select d.reason from auto_purchase_decisions d where d.loan_id = ${loanId} and d.lender_id = c.lender_id) as prior_skip,
        coalesce((select la.balance from ledger_accounts la
          where la.owner_type = 'user' and la.owner_id = c.lender_id and la.type = 'user_cash' and la.unit = 'IDR'), 0)::text as cash,
        (case when c.reinvest and c.budget - coalesce(gate_inv.strategy_invested, 0) < c.amount_per_loan then
          (select coalesce(sum(${investmentOutstandingSql("oi", "ol")}), 0) from loan_investments oi join loans ol on ol.id = oi.loan_id
            where oi.auto_strategy_id = c.strategy_id) end)::text as outstanding,
        ${gate.columns}`,
    joins: gate.joins,
  };
}

function toEvaluated(r: Record<string, unknown>, settings: LenderLimitSettings): EvaluatedCandidate {
  const invested = BigInt(String(r.strategy_invested));
  return {
    ...toQueued(r),
    cash: BigInt(String(r.cash)),
    strategyInvested: invested,
    strategyOutstanding: r.outstanding === null ? invested : BigInt(String(r.outstanding)),
    priorSkip: (r.prior_skip as SkipReason | null) ?? null,
    gate: gateFromRow(settings, r as unknown as LenderGateRow),
  };
}
