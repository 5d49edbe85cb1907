import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { installments, loanInvestments, loans } from "@/db/schema";
import { recordIfAdmin } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, requireSystemOrAdmin, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, NotFound, parseInput, parseLookup } from "@/lib/errors";
import { ensureLoanAccount, ensurePlatformAccount, ensureUserAccount, transferMany, type TransferInput } from "@/lib/ledger";
import { day, idr } from "@/lib/money/params";
import { notify } from "@/lib/notifications";
import { checkOfferAgainstCaps } from "./internal/offer";
import { LoanIdInput } from "./schemas";
import { lockLoan, loanLink, tenorOf, wibDay } from "./internal/store";

/**
 * The borrower accepts the loan agreement (terms, schedule, total cost). Accepting while the loan is
 * still funding records consent and the loan is disbursed the moment it fills; accepting a funded
 * loan disburses it in the same transaction.
 */
export async function acceptAgreement({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "borrower");
  const { loanId } = parseInput(LoanIdInput, input);
  return withTransaction(ctx, async (tx) => {
    const loan = await lockLoan(tx, loanId).catch(() => null);
    if (!loan || loan.borrowerId !== actor.userId) throw new NotFound("The loan");
    if (loan.status !== "funding" && loan.status !== "funded") throw new Conflict("agreement_closed", "This loan's agreement can no longer be accepted.");
    const at = now();
    if (!loan.agreementAcceptedAt) {
      await tx.update(loans).set({ agreementAcceptedAt: at, updatedAt: at }).where(eq(loans.id, loanId));
      await track(tx, { name: "loan_agreement_accepted", userId: actor.userId, properties: { loanId, status: loan.status }, context: ctx.request });
    }
    const disbursed = loan.status === "funded" ? await disburseInTx(tx, loanId) : false;
    return { loanId, disbursed };
  });
}

/** System (job) or admin: disburses a funded, accepted loan. Idempotent: anything else is left alone. */
export async function disburseLoan({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ disbursed: boolean }> {
  requireSystemOrAdmin(ctx);
  const { loanId } = parseLookup(LoanIdInput, input, "The loan");
  return withTransaction(ctx, async (tx) => {
    const disbursed = await disburseInTx(tx, loanId);
    if (disbursed) await recordIfAdmin(tx, ctx, { action: "loan.disbursed", subject: { type: "loan", id: loanId }, before: { status: "funded" }, after: { status: "active" } });
    return { disbursed };
  });
}

/**
 * One transaction: each lender's reserved cash → the loan's escrow; escrow → platform fee revenue;
 * the rest → the borrower's wallet. The repayment schedule is fixed now, starting today, after one
 * more check against the caps in force today.
 */
async function disburseInTx(tx: DbOrTx, loanId: string): Promise<boolean> {
  const loan = await lockLoan(tx, loanId);
  if (loan.status !== "funded" || !loan.agreementAcceptedAt) return false;
  const at = now();
  const { schedule, platformFee } = await checkOfferAgainstCaps(tx, {
    borrowerId: loan.borrowerId,
    principal: loan.principal,
    rateBps: BigInt(loan.rateBps),
    tenor: tenorOf(loan.tenorUnit, loan.tenor),
    method: loan.method,
    platformFeeBps: BigInt((loan.terms as { platformFeeBps: number }).platformFeeBps),
    at,
    excludeLoanId: loan.id,
  });
  if (platformFee !== loan.platformFee) throw new Error(`loan ${loan.id}: platform fee drifted from its approval`);
  const investments = await tx.select().from(loanInvestments).where(and(eq(loanInvestments.loanId, loanId), eq(loanInvestments.status, "reserved")));
  const escrow = await ensureLoanAccount(tx, loanId, "loan_escrow");
  const transfers: TransferInput[] = [];
  for (const inv of investments) {
    const reserved = await ensureUserAccount(tx, inv.lenderId, "lender_reserved");
    transfers.push({ debit: reserved.id, credit: escrow.id, amount: inv.amount, unit: "IDR", kind: "loan_funding", idempotencyKey: `disburse:${loanId}:inv:${inv.id}`, reference: { type: "loan", id: loanId }, metadata: { investmentId: inv.id } });
  }
  const fees = await ensurePlatformAccount(tx, "fee_revenue");
  const borrowerCash = await ensureUserAccount(tx, loan.borrowerId, "user_cash");
  if (platformFee > 0n) {
    transfers.push({ debit: escrow.id, credit: fees.id, amount: platformFee, unit: "IDR", kind: "loan_platform_fee", idempotencyKey: `disburse:${loanId}:fee`, reference: { type: "loan", id: loanId } });
  }
  transfers.push({ debit: escrow.id, credit: borrowerCash.id, amount: loan.principal - platformFee, unit: "IDR", kind: "loan_disbursement", idempotencyKey: `disburse:${loanId}:borrower`, reference: { type: "loan", id: loanId } });
  await transferMany(tx, transfers);

  await tx.insert(installments).values(
    schedule.installments.map((i) => ({ loanId, scheduleVersion: 1, number: i.number, dueDate: i.dueDate, principal: i.principal, interest: i.interest })),
  );
  await tx.update(loanInvestments).set({ status: "active" }).where(and(eq(loanInvestments.loanId, loanId), eq(loanInvestments.status, "reserved")));
  await tx.update(loans).set({ status: "active", disbursedAt: at, scheduleStartAt: at, lastServicedOn: wibDay(at), updatedAt: at }).where(eq(loans.id, loanId));

  const firstDue = schedule.installments[0]!.dueDate.toISOString().slice(0, 10);
  await track(tx, { name: "loan_disbursed", userId: loan.borrowerId, properties: { loanId, principal: loan.principal, platformFee, net: loan.principal - platformFee, lenders: investments.length } });
  const byLender = new Map<string, bigint>();
  for (const inv of investments) byLender.set(inv.lenderId, (byLender.get(inv.lenderId) ?? 0n) + inv.amount);
  await notify(tx, [
    { userId: loan.borrowerId, kind: "loan_disbursed", params: { amount: idr(loan.principal - platformFee), dueDate: day(firstDue) }, link: loanLink(loanId, "borrower") },
    ...[...byLender].map(([lenderId, amount]) => ({ userId: lenderId, kind: "loan_disbursed_lender", params: { amount: idr(amount), dueDate: day(firstDue) }, link: loanLink(loanId, "lender") })),
  ]);
  return true;
}
