import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { loanInvestments, loanRestructures, restructureConsents } from "@/db/schema";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { parseLookup } from "@/lib/errors";
import { LoanIdInput } from "./schemas";

/** The open restructuring proposal of a loan the lender invested in, and whether they consented. */
export async function getOpenRestructureForLender({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "lender");
  const { loanId } = parseLookup(LoanIdInput, input, "The loan");
  const db = dbOf(ctx);
  const [r] = await db
    .select()
    .from(loanRestructures)
    .innerJoin(loanInvestments, and(eq(loanInvestments.loanId, loanRestructures.loanId), eq(loanInvestments.lenderId, actor.userId)))
    .where(and(eq(loanRestructures.loanId, loanId), eq(loanRestructures.status, "proposed")))
    .orderBy(desc(loanRestructures.proposedAt))
    .limit(1);
  if (!r) return null;
  const restructure = r.loan_restructures;
  const [consent] = await db
    .select({ at: restructureConsents.consentedAt })
    .from(restructureConsents)
    .where(and(eq(restructureConsents.restructureId, restructure.id), eq(restructureConsents.lenderId, actor.userId)))
    .limit(1);
  return { id: restructure.id, newTenor: restructure.newTenor, newRateBps: restructure.newRateBps, reason: restructure.reason, proposedAt: restructure.proposedAt, consentedAt: consent?.at ?? null };
}

/** Admin: a loan's restructuring proposals with how many lenders have consented. */
export async function listRestructuresForAdmin({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const { loanId } = parseLookup(LoanIdInput, input, "The loan");
  const db = dbOf(ctx);
  const proposals = await db.select().from(loanRestructures).where(eq(loanRestructures.loanId, loanId)).orderBy(desc(loanRestructures.proposedAt));
  if (proposals.length === 0) return [];
  const consents = await db
    .select({ restructureId: restructureConsents.restructureId, lenderId: restructureConsents.lenderId })
    .from(restructureConsents)
    .where(inArray(restructureConsents.restructureId, proposals.map((p) => p.id)));
  return proposals.map((p) => ({ ...p, consents: consents.filter((c) => c.restructureId === p.id).length }));
}
