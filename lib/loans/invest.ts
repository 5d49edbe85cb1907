import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { loanInvestments, loans, type LoanInvestment } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, isUniqueViolation, NotFound, parseInput, ValidationFailed } from "@/lib/errors";
import { transfer } from "@/lib/ledger";
import { idr } from "@/lib/money/params";
import { assertLenderMayInvest } from "./internal/lender-gate";
import { amountRuleError, assertLoanOpen, fundingCeiling, inHoldback, type InvestSource } from "./invest-rules";
import { InvestInput } from "./schemas";
import { onFullyFunded } from "./internal/invest";

export type { InvestSource };
export type InvestResult = { investment: LoanInvestment; created: boolean; loanFunded: boolean; remaining: bigint };

/**
 * A lender commits cash to a listed loan: the amount moves from their wallet to lender_reserved
 * (the ledger refuses an overdraft: InsufficientFunds) and the loan's funded amount grows.
 *
 * Overfunding is impossible whatever the concurrency: the funded amount grows only through one
 * conditional UPDATE (funded + amount ≤ what this source may fill), which PostgreSQL re-checks after
 * waiting for the row lock, and a CHECK (funded ≤ principal) stands behind it. During the holdback
 * (the first 24 h) auto-purchase may fill only principal − holdback; manual investors may fill it all.
 * The lender limit cannot be passed by two purchases at once either: the loan row, then the lender's
 * accounts are locked (lockLenderPurchases) before the lender's outstanding is read.
 * The same idempotency key again returns the first investment and moves nothing.
 */
export async function invest({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<InvestResult> {
  const actor = requireRole(ctx, "lender");
  const data = parseInput(InvestInput, input);
  const source: InvestSource = data.source;
  return withTransaction(ctx, async (tx) => {
    const [prior] = await tx.select().from(loanInvestments).where(eq(loanInvestments.idempotencyKey, data.idempotencyKey)).limit(1);
    if (prior) {
      if (prior.lenderId !== actor.userId || prior.loanId !== data.loanId || prior.amount !== data.amount) {
        throw new Conflict("idempotency_key_reused", "This idempotency key was already used for another investment.");
      }
      return { investment: prior, created: false, loanFunded: false, remaining: -1n };
    }
    // Lock order (as investMany and the ledger): the loan row, then the lender's cash and reserved
    // accounts in id order (assertLenderMayInvest → lockLenderPurchases) — the rows the transfer below
    // locks anyway; no other row is locked after them.
    const [loan] = await tx.select().from(loans).where(eq(loans.id, data.loanId)).for("no key update");
    if (!loan) throw new NotFound("The loan");
    const at = now();
    assertLoanOpen(loan, at);
    const remaining = loan.principal - loan.fundedAmount;
    const amount = data.amount;
    const amountError = amountRuleError(loan, amount, remaining);
    if (amountError === "amountTooSmall") throw new ValidationFailed({ amount: "amountTooSmall" }, "The amount is below this loan's minimum investment (details.min).", undefined, { min: idr(loan.minInvestment) });
    if (amountError === "amountStep") throw new ValidationFailed({ amount: "amountStep" }, "Invest in multiples of this loan's investment step (details.step).", undefined, { step: idr(loan.investmentStep) });
    const holdback = inHoldback(loan, at, source);
    const ceiling = fundingCeiling(loan, at, source);
    const accounts = await assertLenderMayInvest(tx, actor.userId, loan.id, amount);

    const [updated] = await tx
      .update(loans)
      .set({ fundedAmount: sql`${loans.fundedAmount} + ${amount}`, updatedAt: at })
      .where(and(eq(loans.id, loan.id), eq(loans.status, "funding"), sql`${loans.fundedAmount} + ${amount} <= ${ceiling}`))
      .returning({ fundedAmount: loans.fundedAmount, principal: loans.principal });
    if (!updated) {
      const [fresh] = await tx.select({ funded: loans.fundedAmount, status: loans.status }).from(loans).where(eq(loans.id, loan.id));
      if (fresh?.status !== "funding") throw new Conflict("loan_not_funding", "This loan is no longer open for funding.");
      const left = ceiling - fresh.funded;
      throw new Conflict(
        "loan_oversubscribed",
        left > 0n
          ? `Only part of this loan is still available${holdback ? " to auto-purchase during the first 24 hours" : ""} (details.available).`
          : holdback
            ? "The rest of this loan is reserved for manual investors during its first 24 hours."
            : "This loan is fully funded.",
        { available: idr(left > 0n ? left : 0n), situation: left > 0n ? (holdback ? "someForAuto" : "some") : holdback ? "reservedForManual" : "full" },
      );
    }

    let investment: LoanInvestment;
    try {
      [investment] = (await tx
        .insert(loanInvestments)
        .values({ loanId: loan.id, lenderId: actor.userId, amount, source, idempotencyKey: data.idempotencyKey, createdAt: at })
        .returning()) as [LoanInvestment];
    } catch (e) {
      if (isUniqueViolation(e)) throw new Conflict("idempotency_key_reused", "This investment is already being processed; retry to see its result.");
      throw e;
    }
    await transfer(tx, {
      debit: accounts.cashId,
      credit: accounts.reservedId,
      amount,
      unit: "IDR",
      kind: "loan_investment_reserve",
      idempotencyKey: `invest:${investment.id}`,
      reference: { type: "loan_investment", id: investment.id },
      metadata: { loanId: loan.id, source },
    });
    await track(tx, { name: "loan_invested", userId: actor.userId, properties: { loanId: loan.id, investmentId: investment.id, amount, source }, context: ctx.request });

    const loanFunded = updated.fundedAmount === updated.principal;
    if (loanFunded) await onFullyFunded(tx, loan.id);
    return { investment, created: true, loanFunded, remaining: updated.principal - updated.fundedAmount };
  });
}
