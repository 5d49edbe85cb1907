import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { loans, type Loan } from "@/db/schema";
import { now } from "@/lib/clock";
import type { z } from "zod";
import { requireSystem, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { trackMany, type TrackEvent } from "@/lib/engagement";
import type { AllocationParticipant } from "@/lib/loans/allocation";
import { allocateLazily, LAZY_BATCH_SIZE } from "@/lib/loans/allocation-lazy";
import { investMany, type InvestManyRefusal } from "@/lib/loans/invest-many";
import { assertLoanOpen, fundingCeiling } from "@/lib/loans/invest-rules";
import type { LenderGate } from "@/lib/loans/internal/lender-gate";
import { readLenderLimitSettings } from "@/lib/lending";
import { loanLink } from "@/lib/loans/internal/store";
import { idr } from "@/lib/money/params";
import { notify, type NotifyInput } from "@/lib/notifications";
import { eq } from "drizzle-orm";
import { evaluatedPager, type CandidateRow, type EvaluatedCandidate, type QueuedCandidate } from "./internal/candidates";
import { computeRequest, smallestPurchase } from "./requested";
import { MatchLenderInput, MatchLoanInput, type SkipReason } from "./schemas";
import { matchPhases, timed } from "./phases";
import { ts } from "./internal/store";
import { executePrepared } from "@/db/prepared";
import { uuidArray } from "@/db/sql-arrays";

export type MatchSummary = {
  loanId: string;
  /** What auto-purchase could still fill when the run started. */
  supply: bigint;
  /**
   * Candidates read from the queue (pages from the top of the ranking: a head of those whose rules
   * matched, not all of them), and how many of them were evaluated.
   */
  candidates: number;
  evaluated: number;
  bought: number;
  skipped: number;
  allocated: bigint;
  /** Per lender: requested (after caps) and allocated, for fairness figures (bench). */
  requests?: { lenderId: string; requested: bigint; allocated: bigint }[];
};

/** A skip: the lender's strategy matched, nothing was bought, and why (auto_purchase_decisions). */
type Skip = {
  candidate: CandidateRow;
  reason: SkipReason;
  requested: bigint;
  details: Record<string, string>;
};

/** A purchase made by this run (the investment row carries the strategy: loan_investments.auto_strategy_id). */
type Purchase = { candidate: CandidateRow; amount: bigint; investmentId: string };

/** MatchLoanInput parsed (schemas.ts): batchSize fixes the page and chunk size (default: pages of 64 doubling to LAZY_BATCH_SIZE, chunks by evaluationChunk). */
type MatchOptions = z.output<typeof MatchLoanInput>;

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

function pgCode(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: unknown } | null;
  return err?.code ?? (err?.cause ? pgCode(err.cause) : undefined);
}

/**
 * Matches ONE loan against every active strategy and buys the allocations (docs/autopurchase.md).
 * One transaction: lock the loan row, then page by page from the top of the candidate queue (in ranking
 * order, each page with its lenders' facts, candidates.ts), chunk by chunk compute each request
 * (requested.ts) and allocate the auto supply pro rata (allocation.ts) until later candidates cannot
 * change the result (allocation-lazy.ts); buy through investMany (the invest rules, batched; each
 * investment names its strategy), record a skip per evaluated lender who could not buy, events and
 * notifications.
 * Locking the loan first makes two workers on the same loan take turns; the second then finds the
 * first one's investments (the queue leaves out lenders auto-purchase already bought the loan for) and
 * buys nothing twice (and investMany's idempotency keys auto:<loanId>:<lenderId> stand behind that).
 * A deadlock with a concurrent checkout is retried.
 * `lenderId`: only that lender's reinvest strategies (matchLender).
 */
export async function matchLoan({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MatchSummary> {
  requireSystem(ctx);
  const opts = parseInput(MatchLoanInput, input);
  const { tx: _outer, ...base } = ctx; // each attempt is a transaction of its own
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().transaction((tx) => runMatch(tx, base, opts));
    } catch (e) {
      if (attempt < 4 && RETRYABLE.has(pgCode(e) ?? "")) continue;
      throw e;
    }
  }
}

async function runMatch(tx: Tx, ctx: Ctx, opts: MatchOptions): Promise<MatchSummary> {
  const { loanId } = opts;
  const empty: MatchSummary = { loanId, supply: 0n, candidates: 0, evaluated: 0, bought: 0, skipped: 0, allocated: 0n };
  // The lender limit settings are read alongside the lock: they are needed once the loan is open.
  const [[loan], settings] = await Promise.all([
    timed("lock loan", () => tx.select().from(loans).where(eq(loans.id, loanId)).for("update")) as Promise<Loan[]>,
    readLenderLimitSettings(tx),
  ]);
  if (!loan) return empty;
  const at = now();
  try {
    assertLoanOpen(loan, at);
  } catch {
    return empty;
  }
  const supply = fundingCeiling(loan, at, "auto") - loan.fundedAmount;
  const need = smallestPurchase(loan.minInvestment, loan.investmentStep);
  if (supply < need) return { ...empty, supply: supply > 0n ? supply : 0n };

  // The queue is paged (candidates.ts): a page of the ranking, with each candidate's facts (cash, budget
  // use, lender gate, an earlier skip) read in the same statement, is read only when the previous one is
  // used up, so a loan reads only the head of it — pages of 64, then 128, doubling up to
  // LAZY_BATCH_SIZE, so a small loan reads a short head and a large one few pages. Each page is
  // evaluated in chunks sized by the amounts per loan (evaluationChunk), so the allocation settles
  // after a few lenders for a small loan.
  const maxPage = opts.batchSize ?? LAZY_BATCH_SIZE;
  let pageSize = opts.batchSize ?? Math.min(FIRST_PAGE, maxPage);
  const pager = evaluatedPager(tx, loanId, { lenderId: opts.lenderId, facts: { borrowerId: loan.borrowerId, settings } });
  let page: EvaluatedCandidate[] = [];
  const queue = {
    next: async (size: number): Promise<EvaluatedCandidate[]> => {
      if (page.length === 0) {
        page = await timed("candidate queue + facts", () => pager.next(pageSize));
        pageSize = Math.min(2 * pageSize, maxPage);
      }
      return page.splice(0, evaluationChunk(page, supply, size));
    },
  };

  // Lazy evaluation (lib/loans/allocation-lazy.ts): the requests only for chunks from the top of the
  // ranking, until later candidates can no longer change the allocation. Candidates never evaluated get
  // no decision row (like those allocated nothing).
  const skips = new Map<string, Skip>();
  const byLender = new Map<string, CandidateRow>();
  const gates = new Map<string, LenderGate>();
  let memMs = 0;
  const lazy = await allocateLazily({
    supply,
    step: loan.investmentStep,
    minimum: loan.minInvestment,
    queue,
    batchSize: maxPage,
    evaluate: async (batch) => {
      const tMem = process.hrtime.bigint();
      const eligible: AllocationParticipant[] = [];
      for (const c of batch) {
        const g = c.gate;
        gates.set(c.lenderId, g);
        byLender.set(c.lenderId, c);
        // The facts as one fixed-shape literal, not `{ ...c, ...g }`: spreading thousands of candidate rows made
        // objects V8 could not keep on a fast path.
        const r = computeRequest(
          {
            amountPerLoan: c.amountPerLoan,
            budget: c.budget,
            maxPerBorrower: c.maxPerBorrower,
            cashReserve: c.cashReserve,
            reinvest: c.reinvest,
            cash: c.cash,
            strategyInvested: c.strategyInvested,
            strategyOutstanding: c.strategyOutstanding,
            kycApproved: g.kycApproved,
            riskCheckPassed: g.riskCheckPassed,
            outstanding: g.outstanding,
            limit: g.limit,
            exposure: g.exposure,
          },
          { minimum: loan.minInvestment, step: loan.investmentStep },
        );
        if (r.ok) eligible.push({ id: c.lenderId, requested: r.requested, lastAllocatedAt: c.lastAllocatedAt });
        else skips.set(c.lenderId, { candidate: c, reason: r.reason, requested: r.requested, details: r.details });
      }
      memMs += Number(process.hrtime.bigint() - tMem) / 1e6;
      return eligible;
    },
  });
  if (lazy.evaluated === 0) return { ...empty, supply };
  const tMem = process.hrtime.bigint();
  const participants = lazy.participants;
  const requestedBy = new Map(participants.map((p) => [p.id, p.requested]));
  const items = lazy.result.allocations
    .filter((a) => a.amount > 0n)
    .map((a) => ({ lenderId: a.id, amount: a.amount, idempotencyKey: `auto:${loanId}:${a.id}`, autoStrategyId: byLender.get(a.id)!.strategyId }));
  memMs += Number(process.hrtime.bigint() - tMem) / 1e6;

  matchPhases["request + allocation (memory)"] = (matchPhases["request + allocation (memory)"] ?? 0) + memMs;
  const result = await timed("purchases", () =>
    investMany({ ctx: { ...ctx, tx }, input: { loanId, items, source: "auto", gates, deferEvents: true, lockedLoan: loan } }),
  );
  // Found by idempotency key (created false) means an earlier run bought it: nothing new to record.
  const boughtNow: Purchase[] = result.bought
    .filter((b) => b.created)
    .map((b) => ({ candidate: byLender.get(b.lenderId)!, amount: b.investment.amount, investmentId: b.investment.id }));
  for (const r of result.refused) {
    skips.set(r.lenderId, { candidate: byLender.get(r.lenderId)!, reason: refusalReason(r), requested: requestedBy.get(r.lenderId) ?? 0n, details: r.details });
  }

  // What is left are writes that do not wait for each other, so they go out together (prepared, they
  // pipeline on the transaction's connection — db/prepared.ts): the skips that are new or changed (the facts said which skip each lender
  // already had on this loan, read under the loan's lock), the earlier skips of lenders bought now
  // removed, the buyers moved to the back of the ranking, and the events and notifications of the
  // purchases and of the new or changed skips — so a re-run repeats no event.
  const newSkips = [...skips.values()].filter((d) => d.reason !== d.candidate.priorSkip);
  await timed("decisions, ranking, events + notifications", () =>
    Promise.all([recordDecisions(tx, loanId, newSkips, boughtNow, at), announce(tx, ctx, loan, boughtNow, newSkips, result.events)]),
  );

  const allocated = boughtNow.reduce((s, b) => s + b.amount, 0n);
  const boughtAmount = new Map(boughtNow.map((b) => [b.candidate.lenderId, b.amount]));
  return {
    loanId,
    supply,
    candidates: pager.fetched,
    evaluated: lazy.evaluated,
    bought: boughtNow.length,
    skipped: skips.size,
    allocated,
    requests: opts.withRequests
      ? participants.map((p) => ({ lenderId: p.id, requested: p.requested, allocated: boughtAmount.get(p.id) ?? 0n }))
      : undefined,
  };
}

/** Candidates evaluated at least per chunk (unless the page has fewer). */
const MIN_CHUNK = 32;
/** The first page of the candidate queue read for a loan (later pages double). */
const FIRST_PAGE = 64;

/**
 * How many of the page's head to evaluate next: the shortest head whose amounts per loan add up to twice
 * the auto supply (a request never exceeds its amount per loan, and about a third of those evaluated are
 * skipped), at least MIN_CHUNK, at most `max`. Only a cost heuristic: allocateLazily gives the same
 * allocation whatever the chunk sizes, and asks for another chunk whenever later candidates could still
 * change it.
 */
export function evaluationChunk(page: readonly Pick<QueuedCandidate, "amountPerLoan">[], supply: bigint, max: number): number {
  const target = 2n * supply;
  let covered = 0n;
  let k = 0;
  while (k < page.length && k < max && (k < MIN_CHUNK || covered < target)) covered += page[k++]!.amountPerLoan;
  return k;
}

function refusalReason(r: InvestManyRefusal): SkipReason {
  return r.reason === "amount" ? "below_minimum" : r.reason;
}

/**
 * In one statement (data-modifying CTEs): the new or changed skips of this run (an earlier row for the
 * lender on this loan is replaced), the earlier skips of the lenders bought now deleted (the purchase is
 * the investment), and the buyers moved to the back of the ranking (last_allocated_at).
 */
async function recordDecisions(tx: Tx, loanId: string, list: Skip[], bought: Purchase[], at: Date): Promise<void> {
  const parts: SQL[] = [];
  const boughtAfterSkip = bought.filter((b) => b.candidate.priorSkip !== null);
  if (boughtAfterSkip.length > 0) {
    parts.push(sql`unskipped as (delete from auto_purchase_decisions
      where loan_id = ${loanId} and lender_id = any(${uuidArray(boughtAfterSkip.map((b) => b.candidate.lenderId))}))`);
  }
  if (list.length > 0) {
    // The rows as one JSON parameter (binding thousands of parameters costs more than the insert).
    const json = JSON.stringify(
      list.map((d) => ({
        strategy_id: d.candidate.strategyId,
        lender_id: d.candidate.lenderId,
        reason: d.reason,
        requested: d.requested.toString(),
        details: d.details,
      })),
    );
    parts.push(sql`skipped as (
      insert into auto_purchase_decisions as d (loan_id, strategy_id, lender_id, reason, requested, details, created_at)
      select ${loanId}::uuid, x.strategy_id, x.lender_id, x.reason, x.requested, x.details, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${json}::jsonb)
        as x(strategy_id uuid, lender_id uuid, reason text, requested bigint, details jsonb)
      on conflict (loan_id, lender_id) do update set
        strategy_id = excluded.strategy_id, reason = excluded.reason, requested = excluded.requested,
        details = excluded.details, created_at = excluded.created_at)`);
  }
  if (bought.length > 0) {
    parts.push(sql`ranked as (update auto_purchase_lenders set last_allocated_at = ${ts(at)}, updated_at = ${ts(at)}
      where lender_id = any(${uuidArray(bought.map((b) => b.candidate.lenderId))}))`);
  }
  if (parts.length > 0) await executePrepared(tx, sql`with ${sql.join(parts, sql`, `)} select 1`);
}

/** The product's name as copied into the loan's terms at approval (the code if absent). */
const productName = (loan: { terms: Record<string, unknown>; productCode: string }) => (typeof loan.terms.name === "string" ? loan.terms.name : loan.productCode);

/** auto_purchase_executed / auto_purchase_skipped events and the lenders' notifications, in bulk. */
async function announce(tx: Tx, ctx: Ctx, loan: Loan, bought: Purchase[], skipped: Skip[], investEvents: TrackEvent[]): Promise<void> {
  const events: TrackEvent[] = [...investEvents];
  const notes: NotifyInput[] = [];
  for (const b of bought) {
    const { lenderId, strategyId, strategyName } = b.candidate;
    events.push({ name: "auto_purchase_executed", userId: lenderId, properties: { loanId: loan.id, strategyId, amount: b.amount, productCode: loan.productCode, subgrade: loan.subgrade, investmentId: b.investmentId }, context: ctx.request });
    notes.push({
      userId: lenderId,
      kind: "auto_purchase_executed",
      params: { strategy: strategyName, amount: idr(b.amount), product: productName(loan), grade: loan.subgrade },
      link: loanLink(loan.id, "lender"),
    });
  }
  for (const d of skipped) {
    const { lenderId, strategyId, strategyName } = d.candidate;
    events.push({ name: "auto_purchase_skipped", userId: lenderId, properties: { loanId: loan.id, strategyId, reason: d.reason, requested: d.requested, productCode: loan.productCode, subgrade: loan.subgrade }, context: ctx.request });
    // Only a lack of cash is something the lender can act on at once (top up); other reasons show on the strategy page.
    if (d.reason === "balance") {
      notes.push({ userId: lenderId, kind: "auto_purchase_skipped_balance", params: { strategy: strategyName, available: idr(d.details.available ?? "0") }, link: "/lender/wallet" });
    }
  }
  await Promise.all([trackMany(tx, events), notify(tx, notes)]);
}

/**
 * Reinvest: runs one lender's reinvest strategies against the loans listed now that auto-purchase
 * may still fill, oldest listed first (each loan in its own matchLoan transaction).
 */
export async function matchLender({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MatchSummary[]> {
  requireSystem(ctx);
  const { lenderId } = parseInput(MatchLenderInput, input);
  const at = now();
  const open = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      select l.id from loans l
      where l.status = 'funding' and l.funding_deadline > ${ts(at)} and l.borrower_id <> ${lenderId}
        and l.funded_amount < (case when l.holdback_until > ${ts(at)} then l.principal - l.holdback_amount else l.principal end)
        and not exists (select 1 from loan_investments i where i.loan_id = l.id and i.lender_id = ${lenderId} and i.auto_strategy_id is not null)
        and exists (select 1 from auto_purchase_strategies s where s.lender_id = ${lenderId} and s.active and s.reinvest and s.archived_at is null)
      order by l.listed_at, l.id
      limit 200`),
  );
  const out: MatchSummary[] = [];
  for (const { id } of open) out.push(await matchLoan({ ctx, input: { loanId: id, lenderId } }));
  return out;
}
