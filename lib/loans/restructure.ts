import "server-only";
import { and, eq } from "drizzle-orm";
import { installments, loanRestructures, loans, restructureConsents } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, NotFound, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { checkOfferAgainstCaps } from "./internal/offer";
import { ProposeRestructureInput, RestructureConsentInput } from "./schemas";
import { activeShares, currentInstallments, lockLoan, loanLink, tenorOf, wibDay } from "./internal/store";

/**
 * Restructuring: an admin proposes a new schedule for a loan in difficulty (new tenor and rate for the
 * outstanding principal); every lender of the loan must consent (recorded); the last consent applies it.
 */
export async function proposeRestructure({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "admin");
  const data = parseInput(ProposeRestructureInput, input);
  return withTransaction(ctx, async (tx) => {
    const loan = await lockLoan(tx, data.loanId);
    if (!["active", "late", "default"].includes(loan.status)) throw new Conflict("loan_not_restructurable", "Only a disbursed, unpaid loan can be restructured.");
    const open = await tx.select().from(loanRestructures).where(and(eq(loanRestructures.loanId, loan.id), eq(loanRestructures.status, "proposed")));
    if (open.length > 0) throw new Conflict("restructure_pending", "A restructuring is already waiting for the lenders' consent.");
    const [r] = await tx
      .insert(loanRestructures)
      .values({ loanId: loan.id, status: "proposed", newTenor: data.newTenor, newRateBps: data.newRateBps, reason: data.reason, proposedBy: actor.userId, proposedAt: now() })
      .returning();
    const lenders = [...new Set((await activeShares(tx, loan.id)).map((s) => s.lenderId))];
    await recordAdminDecision(tx, ctx, {
      action: "loan.restructure_proposed",
      subject: { type: "loan", id: loan.id },
      reason: data.reason,
      before: { tenor: loan.tenor, rateBps: loan.rateBps, status: loan.status },
      after: { tenor: data.newTenor, rateBps: data.newRateBps },
      details: { restructureId: r!.id, lendersToConsent: lenders.length },
    });
    await track(tx, { name: "loan_restructure_proposed", userId: loan.borrowerId, properties: { loanId: loan.id, restructureId: r!.id, newTenor: data.newTenor, newRateBps: data.newRateBps, lenders: lenders.length } });
    await notify(tx, lenders.map((userId) => ({ userId, kind: "restructure_proposed", params: { reason: data.reason }, link: loanLink(loan.id, "lender") })));
    return { restructureId: r!.id, lendersToConsent: lenders.length };
  });
}

/** A lender of the loan consents; when all have, the new schedule takes effect in the same transaction. */
export async function consentToRestructure({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "lender");
  const { restructureId } = parseInput(RestructureConsentInput, input);
  return withTransaction(ctx, async (tx) => {
    const [r] = await tx.select().from(loanRestructures).where(eq(loanRestructures.id, restructureId)).limit(1);
    if (!r) throw new NotFound("The restructuring");
    const loan = await lockLoan(tx, r.loanId);
    const lenders = [...new Set((await activeShares(tx, loan.id)).map((s) => s.lenderId))];
    if (!lenders.includes(actor.userId)) throw new NotFound("The restructuring");
    if (r.status !== "proposed") throw new Conflict("restructure_closed", "This restructuring is no longer open for consent.");
    await tx.insert(restructureConsents).values({ restructureId, lenderId: actor.userId, consentedAt: now() }).onConflictDoNothing();
    await track(tx, { name: "loan_restructure_consented", userId: actor.userId, properties: { loanId: loan.id, restructureId }, context: ctx.request });
    const consents = await tx.select({ lenderId: restructureConsents.lenderId }).from(restructureConsents).where(eq(restructureConsents.restructureId, restructureId));
    const all = lenders.every((l) => consents.some((c) => c.lenderId === l));
    if (all) await applyRestructure(tx, r.id);
    return { restructureId, applied: all };
  });
}

/**
 * The new schedule (version + 1) covers the outstanding principal from today; interest already due
 * and unpaid under the old schedule is carried into the first new installment, so lenders lose
 * nothing they were owed. Checked against the caps in force today.
 */
async function applyRestructure(tx: DbOrTx, restructureId: string): Promise<void> {
  const [r] = await tx.select().from(loanRestructures).where(eq(loanRestructures.id, restructureId));
  const loan = await lockLoan(tx, r!.loanId);
  const at = now();
  const old = await currentInstallments(tx, loan);
  const outstanding = loan.principal - loan.principalPaid;
  const today = wibDay(at);
  const arrearsInterest = old.filter((i) => i.paidAt === null && wibDay(i.dueDate) <= today).reduce((s, i) => s + i.interest - i.interestPaid - i.interestWaived, 0n);
  const tenor = tenorOf(loan.tenorUnit, r!.newTenor);
  const { schedule } = await checkOfferAgainstCaps(tx, {
    borrowerId: loan.borrowerId,
    principal: outstanding,
    rateBps: BigInt(r!.newRateBps),
    tenor,
    method: loan.tenorUnit === "days" ? "bullet" : loan.method,
    platformFeeBps: 0n,
    at,
    excludeLoanId: loan.id,
  });
  const version = loan.scheduleVersion + 1;
  await tx.insert(installments).values(
    schedule.installments.map((i, idx) => ({ loanId: loan.id, scheduleVersion: version, number: i.number, dueDate: i.dueDate, principal: i.principal, interest: i.interest + (idx === 0 ? arrearsInterest : 0n) })),
  );
  await tx
    .update(loans)
    .set({ scheduleVersion: version, scheduleStartAt: at, status: "active", daysPastDue: 0, rateBps: r!.newRateBps, tenor: r!.newTenor, lastServicedOn: today, updatedAt: at })
    .where(eq(loans.id, loan.id));
  await tx.update(loanRestructures).set({ status: "applied", appliedAt: at }).where(eq(loanRestructures.id, r!.id));
  await track(tx, { name: "loan_restructured", userId: loan.borrowerId, properties: { loanId: loan.id, restructureId: r!.id, version, outstanding, arrearsInterest } });
  await notify(tx, { userId: loan.borrowerId, kind: "loan_restructured", params: { loanId: loan.id, loan: typeof loan.terms.name === "string" ? loan.terms.name : loan.productCode }, link: loanLink(loan.id, "borrower") });
}
