import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { loanProducts, type AutoPurchaseStrategy } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { investmentOutstandingSql } from "@/lib/loans/internal/lender-gate";
import { POA_VERSION, StrategyIdInput } from "./schemas";
import { StrategyNotFound, readEligibility, toDate } from "./internal/store";

export type StrategyView = Omit<AutoPurchaseStrategy, "lenderId" | "archivedAt"> & {
  /** All-time amount bought by this strategy. */
  invested: bigint;
  /** What its purchases still have outstanding. */
  outstanding: bigint;
  /** What counts against the budget: outstanding with reinvest on, invested with it off. */
  budgetUsed: bigint;
  budgetLeft: bigint;
  boughtCount: number;
  skippedCount: number;
};

type Row = Record<string, unknown>;

function toView(r: Row): StrategyView {
  const big = (k: string) => BigInt(String(r[k] ?? "0"));
  const nullableBig = (k: string) => (r[k] === null || r[k] === undefined ? null : BigInt(String(r[k])));
  const nullableInt = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  const invested = big("invested");
  const outstanding = big("outstanding");
  const budget = big("budget");
  const reinvest = Boolean(r.reinvest);
  const budgetUsed = reinvest ? outstanding : invested;
  return {
    id: String(r.id),
    name: String(r.name),
    active: Boolean(r.active),
    priority: Number(r.priority),
    productCodes: r.product_codes as string[],
    subgrades: r.subgrades as string[],
    minTenorMonths: nullableInt("min_tenor_months"),
    maxTenorMonths: nullableInt("max_tenor_months"),
    minRateBps: nullableInt("min_rate_bps"),
    sectors: r.sectors as string[],
    methods: r.methods as string[],
    amountPerLoan: big("amount_per_loan"),
    budget,
    maxPerBorrower: nullableBig("max_per_borrower"),
    cashReserve: big("cash_reserve"),
    reinvest,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    invested,
    outstanding,
    budgetUsed,
    budgetLeft: budget > budgetUsed ? budget - budgetUsed : 0n,
    boughtCount: Number(r.bought_count ?? 0),
    skippedCount: Number(r.skipped_count ?? 0),
  };
}

async function strategyRows(db: DbOrTx, lenderId: string, strategyId?: string): Promise<StrategyView[]> {
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select s.*,
        coalesce(agg.invested, 0)::text as invested,
        coalesce(agg.outstanding, 0)::text as outstanding,
        coalesce(agg.bought_count, 0)::int as bought_count,
        coalesce(skips.skipped_count, 0)::int as skipped_count
      from auto_purchase_strategies s
      left join lateral (
        select sum(i.amount) as invested, sum(${investmentOutstandingSql("i", "l")}) as outstanding, count(*) as bought_count
        from loan_investments i
        join loans l on l.id = i.loan_id
        where i.auto_strategy_id = s.id
      ) agg on true
      left join lateral (select count(*) as skipped_count from auto_purchase_decisions d where d.strategy_id = s.id) skips on true
      where s.lender_id = ${lenderId} and s.archived_at is null ${strategyId ? sql`and s.id = ${strategyId}` : sql``}
      order by s.priority, s.created_at`),
  );
  return rows.map(toView);
}

/** The lender's strategies in priority order, with what each has bought and has outstanding. */
export async function listStrategies({ ctx }: { ctx: Ctx }): Promise<StrategyView[]> {
  const actor = requireRole(ctx, "lender");
  return strategyRows(dbOf(ctx), actor.userId);
}

/** One of the lender's own strategies; anyone else's (or an archived one) is not found. */
export async function getStrategy({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<StrategyView> {
  const actor = requireRole(ctx, "lender");
  const { strategyId: id } = parseInput(StrategyIdInput, input);
  const [view] = await strategyRows(dbOf(ctx), actor.userId, id);
  if (!view) throw new StrategyNotFound();
  return view;
}

export type StrategyProductOption = { code: string; name: string; tenorUnit: "months" | "days"; minInvestment: bigint; investmentStep: bigint; method: string };

/** The products a strategy may name (active ones), with the minimum and step the amount per loan must respect. */
export async function listStrategyProductOptions({ ctx }: { ctx: Ctx }): Promise<StrategyProductOption[]> {
  requireRole(ctx, "lender");
  return dbOf(ctx)
    .select({
      code: loanProducts.code,
      name: loanProducts.name,
      tenorUnit: loanProducts.tenorUnit,
      minInvestment: loanProducts.minInvestment,
      investmentStep: loanProducts.investmentStep,
      method: loanProducts.method,
    })
    .from(loanProducts)
    .where(eq(loanProducts.active, true))
    .orderBy(asc(loanProducts.name));
}

export type AutoPurchaseStatus = {
  kycApproved: boolean;
  riskCheckPassed: boolean;
  poaVersion: number | null;
  poaAcceptedAt: Date | null;
  /** The version the lender must accept (POA_VERSION). */
  currentPoaVersion: number;
  poaCurrent: boolean;
  /** All three gates pass: strategies may be turned on. */
  canEnable: boolean;
  anyActive: boolean;
  strategyCount: number;
};

/** What the auto-purchase page needs to know before offering the on switch. */
export async function getAutoPurchaseStatus({ ctx }: { ctx: Ctx }): Promise<AutoPurchaseStatus> {
  const actor = requireRole(ctx, "lender");
  const db = dbOf(ctx);
  const e = await readEligibility(db, actor.userId);
  const [counts] = rowsOf<{ n: number; active: number }>(
    await db.execute(sql`
      select count(*)::int as n, count(*) filter (where active)::int as active
      from auto_purchase_strategies where lender_id = ${actor.userId} and archived_at is null`),
  );
  return {
    kycApproved: e.kycApproved,
    riskCheckPassed: e.riskCheckPassed,
    poaVersion: e.poaVersion,
    poaAcceptedAt: e.poaAcceptedAt,
    currentPoaVersion: POA_VERSION,
    poaCurrent: e.poaCurrent,
    canEnable: e.kycApproved && e.riskCheckPassed && e.poaCurrent,
    anyActive: (counts?.active ?? 0) > 0,
    strategyCount: counts?.n ?? 0,
  };
}
