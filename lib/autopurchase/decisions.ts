import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { autoPurchaseDecisions, autoPurchaseStrategies, loanInvestments, loans } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { DecisionsFilterInput, StrategyIdInput, type SkipReason } from "./schemas";
import { StrategyNotFound } from "./store";

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

/**
 * What one of the lender's strategies bought or skipped, newest first, 20 a page. Bought rows link
 * to the investment; the portfolio page of a purchase is /lender/portfolio/<loan.id>.
 */
export async function listStrategyDecisions(
  ctx: Ctx,
  strategyId: unknown,
  filter: { outcome?: unknown; page?: unknown } = {},
): Promise<{ items: DecisionView[]; total: number; page: number; pageSize: number }> {
  const actor = requireRole(ctx, "lender");
  const { strategyId: id } = parseInput(StrategyIdInput, { strategyId });
  const f = parseInput(DecisionsFilterInput, filter);
  const db = dbOf(ctx);
  const [own] = await db
    .select({ id: autoPurchaseStrategies.id })
    .from(autoPurchaseStrategies)
    .where(and(eq(autoPurchaseStrategies.id, id), eq(autoPurchaseStrategies.lenderId, actor.userId)));
  if (!own) throw new StrategyNotFound();
  const where = and(eq(autoPurchaseDecisions.strategyId, id), eq(autoPurchaseDecisions.lenderId, actor.userId), f.outcome ? eq(autoPurchaseDecisions.outcome, f.outcome) : undefined);
  const rows = await db
    .select({ d: autoPurchaseDecisions, loan: loans, investmentStatus: loanInvestments.status })
    .from(autoPurchaseDecisions)
    .innerJoin(loans, eq(loans.id, autoPurchaseDecisions.loanId))
    .leftJoin(loanInvestments, eq(loanInvestments.id, autoPurchaseDecisions.investmentId))
    .where(where)
    .orderBy(desc(autoPurchaseDecisions.createdAt), desc(autoPurchaseDecisions.id))
    .limit(DECISIONS_PAGE_SIZE)
    .offset((f.page - 1) * DECISIONS_PAGE_SIZE);
  const [total] = await db.select({ total: count() }).from(autoPurchaseDecisions).where(where);
  return {
    items: rows.map(({ d, loan, investmentStatus }) => ({
      id: d.id,
      outcome: d.outcome,
      reason: d.reason,
      requested: d.requested,
      amount: d.amount,
      details: d.details,
      createdAt: d.createdAt,
      investmentId: d.investmentId,
      investmentStatus: investmentStatus ?? null,
      loan: {
        id: loan.id,
        productCode: loan.productCode,
        subgrade: loan.subgrade,
        rateBps: loan.rateBps,
        principal: loan.principal,
        tenor: loan.tenor,
        tenorUnit: loan.tenorUnit,
        purpose: loan.purpose,
        status: loan.status,
      },
    })),
    total: total?.total ?? 0,
    page: f.page,
    pageSize: DECISIONS_PAGE_SIZE,
  };
}
