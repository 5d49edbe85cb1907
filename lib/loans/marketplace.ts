import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { loanApplications, loanInvestments, loanProducts, loans } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { FundingProgressInput, MarketplaceQuery } from "./schemas";
import { toLoanSummary, type LoanSummaryView } from "./views";

export type MarketplaceItem = LoanSummaryView & { productName: string; businessName: string; city: string; lenders: number; remaining: bigint; timeLeftMs: number };

/**
 * Loans open for funding, for lenders (the marketplace UI is the next issue). Filters: product,
 * grade letters, tenor range and unit, minimum rate, sector; sorts: rate, time left, funded %, newest.
 * Uses loans_status_listed_idx (status = 'funding').
 */
export async function listMarketplace({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "lender", "admin");
  const q = parseInput(MarketplaceQuery, input ?? {});
  const at = now();
  const c: SQL[] = [eq(loans.status, "funding"), gt(loans.fundingDeadline, at)];
  if (q.productId) c.push(eq(loans.productId, q.productId));
  if (q.grades?.length) c.push(inArray(sql`left(${loans.subgrade}, 1)`, q.grades));
  if (q.tenorUnit) c.push(eq(loans.tenorUnit, q.tenorUnit));
  if (q.tenorMin) c.push(gte(loans.tenor, q.tenorMin));
  if (q.tenorMax) c.push(lte(loans.tenor, q.tenorMax));
  if (q.minRateBps !== undefined) c.push(gte(loans.rateBps, q.minRateBps));
  if (q.sector) c.push(eq(loans.sector, q.sector));
  const where = and(...c);
  const order =
    q.sort === "rate_desc" ? [desc(loans.rateBps), asc(loans.id)]
    : q.sort === "rate_asc" ? [asc(loans.rateBps), asc(loans.id)]
    : q.sort === "time_left" ? [asc(loans.fundingDeadline), asc(loans.id)]
    : q.sort === "funded_pct" ? [desc(sql`${loans.fundedAmount}::numeric / ${loans.principal}`), asc(loans.id)]
    : [desc(loans.listedAt), asc(loans.id)];
  const db = dbOf(ctx);
  const lenders = sql<number>`(select count(distinct ${loanInvestments.lenderId})::int from ${loanInvestments} where ${loanInvestments.loanId} = ${loans.id} and ${loanInvestments.status} <> 'released')`;
  const [rows, [total]] = await Promise.all([
    db.select({ loan: loans, productName: loanProducts.name, business: loanApplications.business, lenders }).from(loans).innerJoin(loanProducts, eq(loanProducts.id, loans.productId)).innerJoin(loanApplications, eq(loanApplications.id, loans.applicationId)).where(where).orderBy(...order).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(loans).where(where),
  ]);
  const items: MarketplaceItem[] = rows.map((r) => ({
    ...toLoanSummary(r.loan),
    productName: r.productName,
    businessName: r.business.legalName ?? "",
    city: r.business.city ?? "",
    lenders: Number(r.lenders),
    remaining: r.loan.principal - r.loan.fundedAmount,
    timeLeftMs: Math.max(0, r.loan.fundingDeadline.getTime() - at.getTime()),
  }));
  return { items, total: total?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/** The lender's investments with their loans' state, newest first. */
export async function listMyInvestments({ ctx }: { ctx: Ctx }) {
  const actor = requireRole(ctx, "lender");
  const rows = await dbOf(ctx)
    .select({ investment: loanInvestments, loan: loans })
    .from(loanInvestments)
    .innerJoin(loans, eq(loans.id, loanInvestments.loanId))
    .where(eq(loanInvestments.lenderId, actor.userId))
    .orderBy(desc(loanInvestments.createdAt));
  return rows.map((r) => ({ id: r.investment.id, amount: r.investment.amount, status: r.investment.status, source: r.investment.source, createdAt: r.investment.createdAt, loan: toLoanSummary(r.loan) }));
}

/** Products a lender can filter the marketplace by. */
export async function listMarketplaceProducts({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, "lender", "admin");
  return dbOf(ctx).select({ id: loanProducts.id, code: loanProducts.code, name: loanProducts.name }).from(loanProducts).orderBy(asc(loanProducts.name));
}

/** Live funding figures of the given loans (the marketplace polls these); unknown ids are left out. */
export async function getFundingProgress({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "lender", "admin");
  const { ids } = parseInput(FundingProgressInput, input);
  const valid = [...new Set(ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)))].slice(0, 50);
  if (valid.length === 0) return [];
  const rows = await dbOf(ctx).select({ id: loans.id, principal: loans.principal, fundedAmount: loans.fundedAmount, status: loans.status }).from(loans).where(inArray(loans.id, valid));
  return rows.map((r) => ({ id: r.id, fundedAmount: r.fundedAmount, principal: r.principal, fundedPct: Number((r.fundedAmount * 100n) / r.principal), status: r.status }));
}
