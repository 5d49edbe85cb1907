import "server-only";
import { and, eq, isNull, desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { applicationQuestions, loanApplications, loans, users, type LoanApplication } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, NotFound, parseInput, ValidationFailed } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/boss";
import { closeFundingWindowJob } from "@/lib/jobs/definitions/loans/close-funding-window";
import { onLoanListed } from "@/lib/autopurchase/internal/triggers";
import { notify } from "@/lib/notifications";
import { gradeLetter, isSubgrade, type Subgrade } from "./grades";
import { BPS, floorToStep, mulDivFloor } from "./math";
import { checkOfferAgainstCaps } from "./internal/offer";
import { rateForGrade } from "./scoring";
import { AnswerQuestionInput, ApproveApplicationInput, AskForInformationInput, RejectApplicationInput } from "./schemas";
import { lockOwnApplication } from "./internal/applications";
import { getProduct, rateBandsOf, tenorOf } from "./internal/store";
import { bps } from "@/lib/money/params";

const HOUR_MS = 60 * 60 * 1000;

async function lockApplication(tx: DbOrTx, applicationId: string): Promise<LoanApplication> {
  const [row] = await tx.select().from(loanApplications).where(eq(loanApplications.id, applicationId)).for("update").limit(1);
  if (!row) throw new NotFound("The application");
  return row;
}

function assertReviewable(app: LoanApplication): void {
  if (app.status !== "in_review" && app.status !== "needs_info") {
    throw new Conflict("application_not_in_review", `This application is ${app.status.replace("_", " ")}, not waiting for review.`);
  }
}

/**
 * An admin approves an application, optionally adjusting the subgrade and the rate within the
 * product's band. The offer is re-checked against the caps in force today; then the loan is created
 * with a copy of the product's terms and listed on the marketplace until fully funded or its window
 * closes (a job scheduled at the deadline).
 */
export async function approveApplication({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "admin");
  const data = parseInput(ApproveApplicationInput, input);
  return withTransaction(ctx, async (tx) => {
    const app = await lockApplication(tx, data.applicationId);
    assertReviewable(app);
    const product = await getProduct(tx, app.productId!);
    const subgrade = (data.subgrade ?? app.subgrade) as Subgrade;
    if (!isSubgrade(subgrade)) throw new ValidationFailed({ subgrade: "required" }, "Choose a subgrade.");
    const band = rateBandsOf(product)[gradeLetter(subgrade)];
    const rateBps = data.rateBps !== undefined ? BigInt(data.rateBps) : rateForGrade(subgrade, rateBandsOf(product));
    if (rateBps < band.minRateBps || rateBps > band.maxRateBps) {
      throw new ValidationFailed(
        { rateBps: "rateOutOfBand" },
        `Grade ${gradeLetter(subgrade)} of ${product.name} lends within a rate band (details.min–details.max a year).`,
        undefined,
        { grade: gradeLetter(subgrade), min: bps(band.minRateBps), max: bps(band.maxRateBps) },
      );
    }
    const at = now();
    const tenor = tenorOf(product.tenorUnit, app.tenor!);
    const principal = app.amount!;
    const offer = await checkOfferAgainstCaps(tx, { borrowerId: app.borrowerId, principal, rateBps, tenor, method: product.method, platformFeeBps: BigInt(product.platformFeeBps), at });
    const [borrower] = await tx.select({ sector: users.businessSector }).from(users).where(eq(users.id, app.borrowerId));
    const terms = JSON.parse(JSON.stringify(product, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Record<string, unknown>;
    const [loan] = await tx
      .insert(loans)
      .values({
        applicationId: app.id,
        borrowerId: app.borrowerId,
        productId: product.id,
        productCode: product.code,
        terms,
        principal,
        rateBps: Number(rateBps),
        subgrade,
        tenorUnit: product.tenorUnit,
        tenor: app.tenor!,
        method: product.method,
        platformFee: offer.platformFee,
        lateFeeDailyPpm: product.lateFeeDailyPpm,
        serviceFeeBps: product.serviceFeeBps,
        minInvestment: product.minInvestment,
        investmentStep: product.investmentStep,
        holdbackAmount: floorToStep(mulDivFloor(principal, BigInt(product.holdbackBps), BPS), product.investmentStep),
        purpose: app.purpose ?? "",
        sector: app.business.sector ?? borrower?.sector ?? "other",
        listedAt: at,
        holdbackUntil: new Date(at.getTime() + product.holdbackHours * HOUR_MS),
        fundingDeadline: new Date(at.getTime() + product.fundingWindowDays * 24 * HOUR_MS),
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await tx
      .update(loanApplications)
      .set({ status: "approved", subgrade, rateBps: Number(rateBps), reviewedBy: actor.userId, decidedAt: at, updatedAt: at })
      .where(eq(loanApplications.id, app.id));
    await recordAdminDecision(tx, ctx, {
      action: "loan_application.approved",
      subject: { type: "loan_application", id: app.id },
      before: { status: app.status, subgrade: app.subgrade },
      after: { status: "approved", subgrade, rateBps: Number(rateBps) },
      details: { loanId: loan!.id, borrowerId: app.borrowerId, principal, platformFee: offer.platformFee, productCode: product.code },
    });
    await enqueue(tx, closeFundingWindowJob, { loanId: loan!.id }, { startAfter: loan!.fundingDeadline });
    await onLoanListed(tx, loan!);
    await track(tx, { name: "loan_application_approved", userId: app.borrowerId, properties: { applicationId: app.id, loanId: loan!.id, subgrade, rateBps: Number(rateBps), adjusted: data.subgrade !== undefined || data.rateBps !== undefined, reviewerId: actor.userId } });
    await track(tx, { name: "loan_listed", userId: app.borrowerId, properties: { loanId: loan!.id, productCode: product.code, principal, subgrade, rateBps: Number(rateBps), tenor: app.tenor, tenorUnit: product.tenorUnit } });
    await notify(tx, { userId: app.borrowerId, kind: "application_approved", params: { grade: subgrade, rate: bps(rateBps) }, link: `/borrower/loans/${loan!.id}` });
    return { loanId: loan!.id, subgrade, rateBps: Number(rateBps), platformFee: offer.platformFee };
  });
}

export async function rejectApplication({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "admin");
  const data = parseInput(RejectApplicationInput, input);
  return withTransaction(ctx, async (tx) => {
    const app = await lockApplication(tx, data.applicationId);
    assertReviewable(app);
    const at = now();
    await tx.update(loanApplications).set({ status: "rejected", decisionReason: data.reason, reviewedBy: actor.userId, decidedAt: at, updatedAt: at }).where(eq(loanApplications.id, app.id));
    await recordAdminDecision(tx, ctx, {
      action: "loan_application.rejected",
      subject: { type: "loan_application", id: app.id },
      reason: data.reason,
      before: { status: app.status },
      after: { status: "rejected" },
      details: { borrowerId: app.borrowerId },
    });
    await track(tx, { name: "loan_application_rejected", userId: app.borrowerId, properties: { applicationId: app.id, reviewerId: actor.userId } });
    await notify(tx, { userId: app.borrowerId, kind: "application_rejected", params: { reason: data.reason }, link: `/borrower/applications/${app.id}` });
    return { applicationId: app.id, status: "rejected" as const };
  });
}

/** An admin asks the borrower a question; the application waits in needs_info until answered. */
export async function askForInformation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "admin");
  const data = parseInput(AskForInformationInput, input);
  return withTransaction(ctx, async (tx) => {
    const app = await lockApplication(tx, data.applicationId);
    assertReviewable(app);
    const at = now();
    const [q] = await tx.insert(applicationQuestions).values({ applicationId: app.id, askedBy: actor.userId, question: data.question, askedAt: at }).returning();
    await tx.update(loanApplications).set({ status: "needs_info", updatedAt: at }).where(eq(loanApplications.id, app.id));
    await recordAdminDecision(tx, ctx, {
      action: "loan_application.info_requested",
      subject: { type: "loan_application", id: app.id },
      reason: data.question,
      before: { status: app.status },
      after: { status: "needs_info" },
      details: { questionId: q!.id, borrowerId: app.borrowerId },
    });
    await track(tx, { name: "loan_application_info_requested", userId: app.borrowerId, properties: { applicationId: app.id, questionId: q!.id, reviewerId: actor.userId } });
    await notify(tx, { userId: app.borrowerId, kind: "application_needs_info", params: { question: data.question }, link: `/borrower/applications/${app.id}` });
    return { questionId: q!.id };
  });
}

/** The borrower answers the open question; the application goes back to the review queue. */
export async function answerQuestion({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "borrower");
  const data = parseInput(AnswerQuestionInput, input);
  return withTransaction(ctx, async (tx) => {
    const app = await lockOwnApplication(tx, actor, data.applicationId);
    if (app.status !== "needs_info") throw new Conflict("no_open_question", "There is no open question on this application.");
    const [open] = await tx
      .select()
      .from(applicationQuestions)
      .where(and(eq(applicationQuestions.applicationId, app.id), isNull(applicationQuestions.answeredAt)))
      .orderBy(desc(applicationQuestions.askedAt))
      .limit(1);
    if (!open) throw new Conflict("no_open_question", "There is no open question on this application.");
    const at = now();
    await tx.update(applicationQuestions).set({ answer: data.answer, answeredAt: at }).where(eq(applicationQuestions.id, open.id));
    await tx.update(loanApplications).set({ status: "in_review", updatedAt: at }).where(eq(loanApplications.id, app.id));
    await track(tx, { name: "loan_application_info_provided", userId: actor.userId, properties: { applicationId: app.id, questionId: open.id }, context: ctx.request });
    await notify(tx, { userId: open.askedBy, kind: "application_answered", params: { applicationId: app.id }, link: `/admin/reviews/${app.id}` });
    return { applicationId: app.id, status: "in_review" as const };
  });
}
