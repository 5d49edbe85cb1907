import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { autoPurchaseDecisions, autoPurchaseStrategies, loanInvestments, loans } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { DecisionsFilterInput, StrategyIdInput, type SkipReason } from "./schemas";
import { StrategyNotFound } from "./internal/store";

export const DECISIONS_PAGE_SIZE = 20;

export type DecisionView = {
  id: string;
  outcome: "bought" | "skipped";
  reason: SkipReason | null;
  /** What the strategy asked for on this loan after its own caps, and what it got. */
  requested: bigint;
  amount: bigint;
  /** Figures behind a skip (decimal strings: cash, reserve, limit, outstanding, exposure, budgetLeft, minimum…). */
  details: Record<string, string>;
  createdAt: Date;
  investmentId: string | null;
  investmentStatus: string | null;
  loan: { id: string; productCode: string; subgrade: string; rateBps: number; principal: bigint; tenor: number; tenorUnit: "months" | "days"; purpose: string; status: string };
};

type LoanRow = typeof loans.$inferSelect;
const loanView = (loan: LoanRow): DecisionView["loan"] => ({
  id: loan.id,
  productCode: loan.productCode,
  subgrade: loan.subgrade,
  rateBps: loan.rateBps,
  principal: loan.principal,
  tenor: loan.tenor,
  tenorUnit: loan.tenorUnit,
  purpose: loan.purpose,
  status: loan.status,
});

/**
 * What one of the lender's strategies bought or skipped, newest first, 20 a page. Bought: its
 * investments (loan_investments.auto_strategy_id), linking to the portfolio page of the loan,
 * /lender/portfolio/<loan.id>. Skipped: its skip decisions with the reason.
 */
export async function listStrategyDecisions({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: DecisionView[]; total: number; page: number; pageSize: number }> {
  const actor = requireRole(ctx, "lender");
  const { strategyId: id } = parseInput(StrategyIdInput, { strategyId: (input as { strategyId?: unknown } | null)?.strategyId });
  const f = parseInput(DecisionsFilterInput, input);
  const db = dbOf(ctx);
  const [own] = await db
    .select({ id: autoPurchaseStrategies.id })
    .from(autoPurchaseStrategies)
    .where(and(eq(autoPurchaseStrategies.id, id), eq(autoPurchaseStrategies.lenderId, actor.userId)));
  if (!own) throw new StrategyNotFound();
  const limit = DECISIONS_PAGE_SIZE;
  const offset = (f.page - 1) * DECISIONS_PAGE_SIZE;
  const page = { page: f.page, pageSize: DECISIONS_PAGE_SIZE };

  const boughtWhere = and(eq(loanInvestments.autoStrategyId, id), eq(loanInvestments.lenderId, actor.userId));
  const bought = async (take: number, skip: number): Promise<DecisionView[]> =>
    (
      await db
        .select({ i: loanInvestments, loan: loans })
        .from(loanInvestments)
        .innerJoin(loans, eq(loans.id, loanInvestments.loanId))
        .where(boughtWhere)
        .orderBy(desc(loanInvestments.createdAt), desc(loanInvestments.id))
        .limit(take)
        .offset(skip)
    ).map(({ i, loan }) => ({
      id: i.id,
      outcome: "bought",
      reason: null,
      requested: i.amount,
      amount: i.amount,
      details: {},
      createdAt: i.createdAt,
      investmentId: i.id,
      investmentStatus: i.status,
      loan: loanView(loan),
    }));
  const skippedWhere = and(eq(autoPurchaseDecisions.strategyId, id), eq(autoPurchaseDecisions.lenderId, actor.userId));
  const skipped = async (take: number, skip: number): Promise<DecisionView[]> =>
    (
      await db
        .select({ d: autoPurchaseDecisions, loan: loans })
        .from(autoPurchaseDecisions)
        .innerJoin(loans, eq(loans.id, autoPurchaseDecisions.loanId))
        .where(skippedWhere)
        .orderBy(desc(autoPurchaseDecisions.createdAt), desc(autoPurchaseDecisions.id))
        .limit(take)
        .offset(skip)
    ).map(({ d, loan }) => ({
      id: d.id,
      outcome: "skipped",
      reason: d.reason,
      requested: d.requested,
      amount: 0n,
      details: d.details,
      createdAt: d.createdAt,
      investmentId: null,
      investmentStatus: null,
      loan: loanView(loan),
    }));
  const countBought = async () => (await db.select({ total: count() }).from(loanInvestments).where(boughtWhere))[0]?.total ?? 0;
  const countSkipped = async () => (await db.select({ total: count() }).from(autoPurchaseDecisions).where(skippedWhere))[0]?.total ?? 0;

  return f.outcome === "bought"
    ? { items: await bought(limit, offset), total: await countBought(), ...page }
    : { items: await skipped(limit, offset), total: await countSkipped(), ...page };
}
