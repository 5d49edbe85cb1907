import "server-only";
import { and, eq } from "drizzle-orm";
import { loans, type Loan } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { NotFound, parseInput } from "@/lib/errors";
import { EarlyPayoffInput, LoanIdInput, RepayInput } from "./schemas";
import { applyRepaymentInTx, payableNow, type RepaymentOutcome } from "./internal/repayment-core";
import { currentInstallments } from "./internal/store";

async function ownLoan(ctx: Ctx & { tx?: unknown }, db: ReturnType<typeof dbOf>, loanId: string, borrowerId: string): Promise<Loan> {
  const [loan] = await db.select().from(loans).where(and(eq(loans.id, loanId), eq(loans.borrowerId, borrowerId))).limit(1);
  if (!loan) throw new NotFound("The loan");
  return loan;
}

/**
 * The borrower pays from the wallet: by default what is overdue, the late fees and the next
 * installment; with an amount, up to that much (nothing beyond what is owed is taken).
 */
export async function repayFromWallet({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<RepaymentOutcome> {
  const actor = requireRole(ctx, "borrower");
  const data = parseInput(RepayInput, input);
  return withTransaction(ctx, async (tx) => {
    await ownLoan(ctx, tx, data.loanId, actor.userId);
    return applyRepaymentInTx(tx, {
      loanId: data.loanId,
      amount: data.amount ?? null,
      payerId: actor.userId,
      source: "wallet",
      mode: "due",
      idempotencyKey: `wallet:${actor.userId}:${data.idempotencyKey}`,
      from: "borrower_cash",
    });
  });
}

export type PayoffQuote = { principal: bigint; interest: bigint; lateFees: bigint; total: bigint; interestWaived: bigint; asOf: Date };

/** What settling the whole loan today costs: no penalty, interest only up to today. */
export async function getPayoffQuote({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<PayoffQuote> {
  const actor = requireRole(ctx, "borrower");
  const { loanId } = parseInput(LoanIdInput, input);
  const db = dbOf(ctx);
  const loan = await ownLoan(ctx, db, loanId, actor.userId);
  if (!["active", "late", "default"].includes(loan.status)) throw new NotFound("An outstanding balance on this loan");
  const at = now();
  const { due, waived, lateFees, total } = payableNow(loan, await currentInstallments(db, loan), "payoff", at);
  let principal = 0n;
  for (const d of due) principal += d.principal - d.principalPaid;
  let interestWaived = 0n;
  for (const w of waived.values()) interestWaived += w;
  return { principal, interest: total - lateFees - principal, lateFees, total, interestWaived, asOf: at };
}

/** Early repayment of the whole loan from the wallet, without penalty. */
export async function payOffEarly({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<RepaymentOutcome> {
  const actor = requireRole(ctx, "borrower");
  const data = parseInput(EarlyPayoffInput, input);
  return withTransaction(ctx, async (tx) => {
    await ownLoan(ctx, tx, data.loanId, actor.userId);
    return applyRepaymentInTx(tx, {
      loanId: data.loanId,
      amount: null,
      payerId: actor.userId,
      source: "early_payoff",
      mode: "payoff",
      idempotencyKey: `payoff:${actor.userId}:${data.idempotencyKey}`,
      from: "borrower_cash",
    });
  });
}
