import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { loanInvestments, loans } from "@/db/schema";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/context";
import { track } from "@/lib/engagement";
import { enqueue } from "@/lib/jobs/boss";
import { disburseLoanJob } from "@/lib/jobs/definitions/loans/disburse";
import { idr } from "@/lib/money/params";
import { notify } from "@/lib/notifications";
import { loanLink } from "./store";

/** The loan is full: mark it funded, tell everyone, and disburse at once if the borrower already accepted. */
export async function onFullyFunded(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], loanId: string): Promise<void> {
  const at = now();
  const [loan] = await tx.update(loans).set({ status: "funded", fundedAt: at, updatedAt: at }).where(and(eq(loans.id, loanId), eq(loans.status, "funding"))).returning();
  if (!loan) return;
  const lenders = await tx
    .select({ lenderId: loanInvestments.lenderId, amount: sql<string>`sum(${loanInvestments.amount})::text` })
    .from(loanInvestments)
    .where(and(eq(loanInvestments.loanId, loanId), eq(loanInvestments.status, "reserved")))
    .groupBy(loanInvestments.lenderId);
  await track(tx, { name: "loan_funded", userId: loan.borrowerId, properties: { loanId, principal: loan.principal, lenders: lenders.length } });
  await notify(tx, [
    { userId: loan.borrowerId, kind: "loan_funded", params: { amount: idr(loan.principal) }, link: loanLink(loanId, "borrower") },
    ...lenders.map((l) => ({ userId: l.lenderId, kind: "loan_funded_lender", params: { amount: idr(l.amount) }, link: loanLink(loanId, "lender") })),
  ]);
  if (loan.agreementAcceptedAt) await enqueue(tx, disburseLoanJob, { loanId });
}
