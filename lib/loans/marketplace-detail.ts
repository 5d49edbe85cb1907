import "server-only";
import { eq, sql } from "drizzle-orm";
import { loanApplications, loanProducts, loans } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { NotFound } from "@/lib/errors";
import { lenderReturn } from "./lender-return";
import { LoanIdInput } from "./schemas";
import { toLoanSummary } from "./views";

/** The example amount the lender's schedule is shown for. */
export const EXAMPLE_INVESTMENT = 1_000_000n;

/**
 * A listed loan as lenders see it before investing: the business profile, purpose, the scorecard's
 * grade and score (never the points breakdown), what Rp1.000.000 would return after the service fee,
 * and the borrower's history on Lumbung. Only loans still open for funding are visible.
 */
export async function getMarketplaceLoan({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "lender", "admin");
  const parsed = LoanIdInput.safeParse(input);
  if (!parsed.success) throw new NotFound("The loan");
  const db = dbOf(ctx);
  const [row] = await db
    .select({ loan: loans, productName: loanProducts.name, business: loanApplications.business, score: loanApplications.score })
    .from(loans)
    .innerJoin(loanProducts, eq(loanProducts.id, loans.productId))
    .innerJoin(loanApplications, eq(loanApplications.id, loans.applicationId))
    .where(eq(loans.id, parsed.data.loanId))
    .limit(1);
  const at = now();
  if (!row || row.loan.status !== "funding" || row.loan.fundingDeadline.getTime() <= at.getTime()) throw new NotFound("The loan");
  const { loan, business } = row;
  const [history] = await db
    .select({
      repaid: sql<number>`count(*) filter (where ${loans.status} = 'repaid')::int`,
      active: sql<number>`count(*) filter (where ${loans.status} in ('funded', 'active'))::int`,
      late: sql<number>`count(*) filter (where ${loans.status} in ('late', 'default', 'written_off'))::int`,
    })
    .from(loans)
    .where(sql`${loans.borrowerId} = ${loan.borrowerId} and ${loans.id} <> ${loan.id}`);
  return {
    ...toLoanSummary(loan),
    productName: row.productName,
    remaining: loan.principal - loan.fundedAmount,
    business: { name: business.legalName ?? "", sector: business.sector ?? loan.sector, city: business.city ?? "", yearsOperating: business.yearsOperating ?? null, employees: business.employees ?? null },
    score: row.score,
    serviceFeeBps: loan.serviceFeeBps,
    example: lenderReturn(loan, EXAMPLE_INVESTMENT, at),
    history: { repaid: Number(history?.repaid ?? 0), active: Number(history?.active ?? 0), late: Number(history?.late ?? 0) },
  };
}
