import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { installments, loanApplications, loans } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { SERVICED_STATUSES } from "./internal/store";
import { dueNowLines, toInstallmentView, toLoanSummary, type DueLine, type InstallmentView, type LoanSummaryView } from "./views";

/** Applications that wait on the borrower (a draft to finish, a question to answer) or on the review. */
const OPEN_APPLICATION_STATUSES = ["draft", "needs_info", "submitted", "in_review"] as const;

export type ServicedLoanPanel = {
  loan: LoanSummaryView;
  /** The first unpaid installment due today or later; null when only overdue ones are left. */
  next: InstallmentView | null;
  overdue: InstallmentView[];
  /** What Pay takes now (sum of dueLines), as on the loan page. */
  dueNow: bigint;
  dueLines: DueLine[];
  /** Principal + interest of every unpaid installment, plus late fees not yet paid. */
  stillToRepay: bigint;
};

export type BorrowerDashboard = {
  outstanding: { total: bigint; principal: bigint; interest: bigint; lateFees: bigint };
  /** Active, late and defaulted loans, the most urgent first (default, late, then the soonest installment). */
  serviced: ServicedLoanPanel[];
  funding: LoanSummaryView[];
  /** Funded loans whose agreement the borrower has not accepted yet: the money waits on them. */
  offers: LoanSummaryView[];
  applications: { id: string; status: (typeof OPEN_APPLICATION_STATUSES)[number]; amount: bigint | null; tenor: number | null; updatedAt: Date; submittedAt: Date | null }[];
  /** The worst state among the borrower's loans, for the overdue warning. */
  alert: { status: "late" | "default"; daysPastDue: number; overdue: bigint; lateFees: bigint; loanId: string } | null;
  /** Nothing yet: no loan and no open application (the only case for "Getting started"). */
  empty: boolean;
};

const URGENCY: Record<string, number> = { default: 0, late: 1, active: 2 };

/**
 * The borrower dashboard in three set-based queries: the borrower's loans (loans_borrower_idx), the
 * unpaid installments of their serviced loans' current schedules (installments_loan_version_number_unique
 * per loan), and their open applications (loan_applications_borrower_idx).
 */
export async function getBorrowerDashboard({ ctx }: { ctx: Ctx }): Promise<BorrowerDashboard> {
  const actor = requireRole(ctx, "borrower");
  const db = dbOf(ctx);
  const at = now();
  const [myLoans, unpaidRows, apps] = await Promise.all([
    db.select().from(loans).where(eq(loans.borrowerId, actor.userId)).orderBy(desc(loans.createdAt)),
    db
      .select({ row: installments })
      .from(installments)
      .innerJoin(loans, and(eq(loans.id, installments.loanId), eq(loans.scheduleVersion, installments.scheduleVersion)))
      .where(and(eq(loans.borrowerId, actor.userId), inArray(loans.status, [...SERVICED_STATUSES]), isNull(installments.paidAt)))
      .orderBy(asc(installments.loanId), asc(installments.number)),
    db
      .select({ id: loanApplications.id, status: loanApplications.status, amount: loanApplications.amount, tenor: loanApplications.tenor, updatedAt: loanApplications.updatedAt, submittedAt: loanApplications.submittedAt })
      .from(loanApplications)
      .where(and(eq(loanApplications.borrowerId, actor.userId), inArray(loanApplications.status, [...OPEN_APPLICATION_STATUSES])))
      .orderBy(desc(loanApplications.updatedAt)),
  ]);
  const byLoan = new Map<string, InstallmentView[]>();
  for (const { row } of unpaidRows) {
    const list = byLoan.get(row.loanId) ?? [];
    list.push(toInstallmentView(row, at));
    byLoan.set(row.loanId, list);
  }
  const serviced: ServicedLoanPanel[] = myLoans
    .filter((l) => (SERVICED_STATUSES as readonly string[]).includes(l.status))
    .map((l) => {
      const unpaid = byLoan.get(l.id) ?? [];
      const lateFees = l.lateFeeCharged - l.lateFeePaid;
      const due = dueNowLines(unpaid, lateFees);
      return {
        loan: toLoanSummary(l),
        next: unpaid.find((i) => i.status !== "late") ?? null,
        overdue: unpaid.filter((i) => i.status === "late"),
        dueNow: due.total,
        dueLines: due.lines,
        stillToRepay: unpaid.reduce((s, i) => s + i.owed, 0n) + lateFees,
      };
    })
    .sort((a, b) => (URGENCY[a.loan.status] ?? 3) - (URGENCY[b.loan.status] ?? 3) || (a.next?.dueDate.getTime() ?? 0) - (b.next?.dueDate.getTime() ?? 0));

  let principal = 0n;
  let owed = 0n;
  let lateFees = 0n;
  for (const p of serviced) {
    principal += p.loan.principalOutstanding;
    lateFees += p.loan.lateFeeOutstanding;
    owed += p.stillToRepay - p.loan.lateFeeOutstanding;
  }
  const interest = owed - principal;
  const worst = serviced.find((p) => p.loan.status === "default" || p.loan.status === "late");
  return {
    outstanding: { total: principal + interest + lateFees, principal, interest, lateFees },
    serviced,
    funding: myLoans.filter((l) => l.status === "funding").map(toLoanSummary),
    offers: myLoans.filter((l) => l.status === "funded" && !l.agreementAcceptedAt).map(toLoanSummary),
    applications: apps.map((a) => ({ ...a, status: a.status as (typeof OPEN_APPLICATION_STATUSES)[number] })),
    alert: worst
      ? {
          status: worst.loan.status as "late" | "default",
          daysPastDue: worst.loan.daysPastDue,
          overdue: worst.overdue.reduce((s, i) => s + i.owed, 0n),
          lateFees: worst.loan.lateFeeOutstanding,
          loanId: worst.loan.id,
        }
      : null,
    empty: myLoans.length === 0 && apps.length === 0,
  };
}
