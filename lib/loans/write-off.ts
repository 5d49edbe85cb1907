import "server-only";
import { eq } from "drizzle-orm";
import { loans } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { applyRepaymentInTx, type RepaymentOutcome } from "./internal/repayment-core";
import { RecoveryInput, WriteOffInput } from "./schemas";
import { activeShares, lockLoan, loanLink } from "./internal/store";

/**
 * An admin writes off a defaulted (or late) loan: servicing stops and no more late fees accrue. The
 * lenders' claims stay recorded, so any later recovery is shared among them like a repayment. No
 * money moves: a loan's receivable is tracked in its installments, not as a ledger balance.
 */
export async function writeOffLoan({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "admin");
  const data = parseInput(WriteOffInput, input);
  return withTransaction(ctx, async (tx) => {
    const loan = await lockLoan(tx, data.loanId);
    if (loan.status !== "default" && loan.status !== "late") throw new Conflict("loan_not_in_arrears", "Only a loan in arrears or default can be written off.");
    const at = now();
    await tx.update(loans).set({ status: "written_off", writtenOffAt: at, updatedAt: at }).where(eq(loans.id, loan.id));
    await recordAdminDecision(tx, ctx, {
      action: "loan.written_off",
      subject: { type: "loan", id: loan.id },
      reason: data.reason,
      before: { status: loan.status },
      after: { status: "written_off" },
      details: { outstandingPrincipal: loan.principal - loan.principalPaid },
    });
    await track(tx, { name: "loan_written_off", userId: loan.borrowerId, properties: { loanId: loan.id, outstandingPrincipal: loan.principal - loan.principalPaid, adminId: actor.userId, reason: data.reason } });
    const lenders = [...new Set((await activeShares(tx, loan.id)).map((s) => s.lenderId))];
    await notify(tx, lenders.map((userId) => ({ userId, kind: "loan_written_off", link: loanLink(loan.id, "lender") })));
    return { loanId: loan.id, status: "written_off" as const };
  });
}

/**
 * An admin records money recovered on a written-off loan (collected outside the wallet, e.g. by a
 * collection agent, arriving through recovery clearing). It is applied and shared among the lenders
 * exactly like a repayment: late fees → interest → principal, pro rata, minus the service fee.
 */
export async function recordRecovery({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<RepaymentOutcome> {
  const actor = requireRole(ctx, "admin");
  const data = parseInput(RecoveryInput, input);
  return withTransaction(ctx, async (tx) => {
    const outcome = await applyRepaymentInTx(tx, {
      loanId: data.loanId,
      amount: data.amount,
      payerId: actor.userId,
      source: "recovery",
      mode: "all",
      idempotencyKey: `recovery:${data.idempotencyKey}`,
      from: "recovery_clearing",
    });
    // A replay of the same recovery (same idempotency key) moves nothing and is not a second decision.
    if (outcome.created) {
      await recordAdminDecision(tx, ctx, {
        action: "loan.recovery_recorded",
        subject: { type: "loan", id: data.loanId },
        after: { status: outcome.loanStatus },
        details: { amount: data.amount, repaymentId: outcome.repayment.id, idempotencyKey: data.idempotencyKey },
      });
    }
    return outcome;
  });
}
