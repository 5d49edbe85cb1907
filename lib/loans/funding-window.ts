import "server-only";
import { and, eq } from "drizzle-orm";
import { loanInvestments, loans } from "@/db/schema";
import { recordIfAdmin } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireSystemOrAdmin, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { ensureUserAccount, transferMany, type TransferInput } from "@/lib/ledger";
import { idr } from "@/lib/money/params";
import { notify } from "@/lib/notifications";
import { lockLoan, loanLink } from "./internal/store";
import { parseLookup } from "@/lib/errors";
import { LoanIdInput } from "./schemas";

/**
 * Runs at a loan's funding deadline (job loans.close-funding-window). A loan still funding is
 * cancelled and every reservation goes back to its lender's wallet. Idempotent: a loan that is no
 * longer funding, or whose deadline has not passed (a job run early), is left alone.
 */
export async function closeFundingWindow({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ cancelled: boolean }> {
  requireSystemOrAdmin(ctx);
  const { loanId } = parseLookup(LoanIdInput, input, "The loan");
  return withTransaction(ctx, async (tx) => {
    const loan = await lockLoan(tx, loanId);
    const at = now();
    if (loan.status !== "funding" || loan.fundingDeadline.getTime() > at.getTime()) return { cancelled: false };
    const reserved = await tx
      .select()
      .from(loanInvestments)
      .where(and(eq(loanInvestments.loanId, loanId), eq(loanInvestments.status, "reserved")));
    const transfers: TransferInput[] = [];
    for (const inv of reserved) {
      const [from, to] = await Promise.all([ensureUserAccount(tx, inv.lenderId, "lender_reserved"), ensureUserAccount(tx, inv.lenderId, "user_cash")]);
      transfers.push({
        debit: from.id,
        credit: to.id,
        amount: inv.amount,
        unit: "IDR",
        kind: "loan_investment_release",
        idempotencyKey: `release:${inv.id}`,
        reference: { type: "loan_investment", id: inv.id },
        metadata: { loanId },
      });
    }
    await transferMany(tx, transfers);
    await tx.update(loanInvestments).set({ status: "released", releasedAt: at }).where(and(eq(loanInvestments.loanId, loanId), eq(loanInvestments.status, "reserved")));
    await tx.update(loans).set({ status: "cancelled", cancelledAt: at, updatedAt: at }).where(eq(loans.id, loanId));
    await track(tx, { name: "loan_funding_cancelled", userId: loan.borrowerId, properties: { loanId, funded: loan.fundedAmount, principal: loan.principal, investments: reserved.length } });
    await notify(tx, [
      { userId: loan.borrowerId, kind: "loan_cancelled", params: { amount: idr(loan.principal) }, link: loanLink(loanId, "borrower") },
      ...reserved.map((inv) => ({ userId: inv.lenderId, kind: "investment_released", params: { amount: idr(inv.amount) }, link: "/lender/wallet" })),
    ]);
    await recordIfAdmin(tx, ctx, {
      action: "loan.funding_window_closed",
      subject: { type: "loan", id: loanId },
      before: { status: "funding" },
      after: { status: "cancelled" },
      details: { funded: loan.fundedAmount, principal: loan.principal },
    });
    return { cancelled: true };
  });
}
