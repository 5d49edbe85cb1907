import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { lenderDistributions, loanApplications, loanInvestments, loanRepayments, loans, type Loan } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { NotFound } from "@/lib/errors";
import { LoanIdInput } from "./schemas";
import { buildSchedule, totalCost } from "./schedule";
import { currentInstallments, tenorOf } from "./internal/store";
import { dueNowLines, toInstallmentView, toLoanSummary, type DueLine, type InstallmentView, type LoanSummaryView } from "./views";

export type LoanDetailView = LoanSummaryView & {
  /** The borrowing business's name as applied ("" if none): with the product, the loan's name. */
  businessName: string;
  schedule: InstallmentView[];
  nextInstallment: InstallmentView | null;
  /** What the Pay button takes now: overdue + the next installment + late fees, the sum of dueLines. */
  amountDueNow: bigint;
  dueLines: DueLine[];
  repayments: { id: string; source: string; amount: bigint; principal: bigint; interest: bigint; lateFee: bigint; occurredAt: Date }[];
};

async function detail(ctx: Ctx, loan: Loan): Promise<LoanDetailView> {
  const db = dbOf(ctx);
  const at = now();
  const schedule = (await currentInstallments(db, loan)).map((r) => toInstallmentView(r, at));
  const unpaid = schedule.filter((i) => i.status !== "paid");
  const next = unpaid.find((i) => i.status !== "late") ?? null;
  const due = dueNowLines(schedule, loan.lateFeeCharged - loan.lateFeePaid);
  const repayments = await db
    .select({ id: loanRepayments.id, source: loanRepayments.source, amount: loanRepayments.amount, principal: loanRepayments.principal, interest: loanRepayments.interest, lateFee: loanRepayments.lateFee, occurredAt: loanRepayments.occurredAt })
    .from(loanRepayments)
    .where(eq(loanRepayments.loanId, loan.id))
    .orderBy(desc(loanRepayments.occurredAt));
  const [app] = await db.select({ name: sql<string | null>`${loanApplications.business}->>'legalName'` }).from(loanApplications).where(eq(loanApplications.id, loan.applicationId)).limit(1);
  return { ...toLoanSummary(loan), businessName: app?.name ?? "", schedule, nextInstallment: next, amountDueNow: due.total, dueLines: due.lines, repayments };
}

function loanIdOf(input: unknown): string {
  const parsed = LoanIdInput.safeParse(input);
  if (!parsed.success) throw new NotFound("The loan");
  return parsed.data.loanId;
}

/** The borrower's own loan with its schedule; another borrower's id is NotFound. */
export async function getLoanForBorrower({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<LoanDetailView> {
  const actor = requireRole(ctx, "borrower");
  const [loan] = await dbOf(ctx).select().from(loans).where(and(eq(loans.id, loanIdOf(input)), eq(loans.borrowerId, actor.userId))).limit(1);
  if (!loan) throw new NotFound("The loan");
  return detail(ctx, loan);
}

/** The borrower's loans, newest first. */
export async function listMyLoans({ ctx }: { ctx: Ctx }): Promise<LoanSummaryView[]> {
  const actor = requireRole(ctx, "borrower");
  const rows = await dbOf(ctx).select().from(loans).where(eq(loans.borrowerId, actor.userId)).orderBy(desc(loans.createdAt));
  return rows.map(toLoanSummary);
}

/** Admin: any loan with its schedule. */
export async function getLoanForAdmin({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<LoanDetailView & { borrowerId: string; lenders: { lenderId: string; amount: bigint; status: string }[] }> {
  requireRole(ctx, "admin");
  const db = dbOf(ctx);
  const [loan] = await db.select().from(loans).where(eq(loans.id, loanIdOf(input))).limit(1);
  if (!loan) throw new NotFound("The loan");
  const lenders = await db.select({ lenderId: loanInvestments.lenderId, amount: loanInvestments.amount, status: loanInvestments.status }).from(loanInvestments).where(eq(loanInvestments.loanId, loan.id));
  return { ...(await detail(ctx, loan)), borrowerId: loan.borrowerId, lenders };
}

/** A lender's view of a loan they invested in (NotFound otherwise): their share and what it returned. */
export async function getLoanForLender({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "lender");
  const db = dbOf(ctx);
  const loanId = loanIdOf(input);
  const mine = await db.select().from(loanInvestments).where(and(eq(loanInvestments.loanId, loanId), eq(loanInvestments.lenderId, actor.userId)));
  if (mine.length === 0) throw new NotFound("The loan");
  const [loan] = await db.select().from(loans).where(eq(loans.id, loanId));
  const [received] = await db
    .select({
      principal: sql<string>`coalesce(sum(${lenderDistributions.principal}), 0)::text`,
      interest: sql<string>`coalesce(sum(${lenderDistributions.interest} + ${lenderDistributions.lateFee}), 0)::text`,
      serviceFee: sql<string>`coalesce(sum(${lenderDistributions.serviceFee}), 0)::text`,
      net: sql<string>`coalesce(sum(${lenderDistributions.net}), 0)::text`,
    })
    .from(lenderDistributions)
    .where(and(eq(lenderDistributions.lenderId, actor.userId), sql`${lenderDistributions.investmentId} in (select id from loan_investments where loan_id = ${loanId})`));
  const { repayments: _r, ...view } = await detail(ctx, loan!);
  return {
    ...view,
    investments: mine.map((i) => ({ id: i.id, amount: i.amount, status: i.status, source: i.source, createdAt: i.createdAt })),
    invested: mine.filter((i) => i.status !== "released").reduce((s, i) => s + i.amount, 0n),
    received: { principal: BigInt(received!.principal), interest: BigInt(received!.interest), serviceFee: BigInt(received!.serviceFee), net: BigInt(received!.net) },
  };
}

/** The agreement the borrower accepts: terms, the schedule if disbursed today, and the total cost. */
export async function getLoanAgreement({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "borrower");
  const [loan] = await dbOf(ctx).select().from(loans).where(and(eq(loans.id, loanIdOf(input)), eq(loans.borrowerId, actor.userId))).limit(1);
  if (!loan) throw new NotFound("The loan");
  const schedule = buildSchedule({ principal: loan.principal, annualRateBps: BigInt(loan.rateBps), tenor: tenorOf(loan.tenorUnit, loan.tenor), method: loan.method, startDate: loan.disbursedAt ?? now() });
  const interest = totalCost(schedule);
  return {
    loan: toLoanSummary(loan),
    terms: loan.terms,
    lateFeeDailyPpm: loan.lateFeeDailyPpm,
    schedule: schedule.installments,
    totals: { principal: loan.principal, interest, platformFee: loan.platformFee, netDisbursed: loan.principal - loan.platformFee, totalCost: interest + loan.platformFee, totalRepayable: loan.principal + interest },
    acceptedAt: loan.agreementAcceptedAt,
  };
}
