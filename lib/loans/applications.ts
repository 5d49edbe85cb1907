import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { applicationDocuments, installments, loanApplications, loans, type LoanApplication } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { parseInput, ValidationFailed, Conflict } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { displayFileName, storeDocument } from "@/lib/storage";
import { checkOfferAgainstCaps } from "./internal/offer";
import { buildSchedule } from "./schedule";
import { rateForGrade, scoreApplication, type Sector } from "./scoring";
import { APPLICATION_STEPS, SaveApplicationStepInput, UploadDocumentFileInput, ApplicationIdInput } from "./schemas";
import { getProduct, rateBandsOf, tenorOf } from "./internal/store";
import { idr } from "@/lib/money/params";
import { lockOwnApplication } from "./internal/applications";

/** Field errors keyed as the step's form names them ("nib", not "data.nib"). */
function parseStep(input: unknown) {
  try {
    return parseInput(SaveApplicationStepInput, input);
  } catch (e) {
    if (!(e instanceof ValidationFailed) || !e.fields) throw e;
    throw new ValidationFailed(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.replace(/^data\./, ""), v])), e.message, e.code, e.details);
  }
}

/**
 * Saves one step of the apply form as a draft the borrower can leave and resume. The first save
 * creates the draft. Each save records loan_application_step_completed with the step, so journeys can
 * nudge a borrower at the exact step they stopped.
 */
export async function saveApplicationStep({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ applicationId: string; completedSteps: string[] }> {
  const actor = requireRole(ctx, "borrower");
  const data = parseStep(input);
  return withTransaction(ctx, async (tx) => {
    const at = now();
    let app: LoanApplication;
    if (data.applicationId) {
      app = await lockOwnApplication(tx, actor, data.applicationId);
      if (app.status !== "draft") throw new Conflict("application_not_draft", "This application has been submitted and can no longer be edited.");
    } else {
      [app] = (await tx.insert(loanApplications).values({ borrowerId: actor.userId, createdAt: at, updatedAt: at }).returning()) as [LoanApplication];
      await track(tx, { name: "loan_application_started", userId: actor.userId, properties: { applicationId: app.id }, context: ctx.request });
    }
    const patch: Partial<typeof loanApplications.$inferInsert> = { updatedAt: at };
    if (data.step === "business") patch.business = data.data;
    if (data.step === "financials") {
      patch.financials = {
        monthlyRevenue: data.data.monthlyRevenue.toString(),
        monthlyExpenses: data.data.monthlyExpenses.toString(),
        existingLoans: data.data.existingLoans.toString(),
        otherPlatforms: data.data.otherPlatforms,
      };
    }
    if (data.step === "loan") {
      const product = await getProduct(tx, data.data.productId).catch(() => {
        throw new ValidationFailed({ productId: "required" }, "Choose a loan product.");
      });
      const { amount, tenor } = data.data;
      if (!product.active) throw new ValidationFailed({ productId: "required" }, "This product is no longer offered.");
      if (amount < product.minAmount || amount > product.maxAmount) {
        throw new ValidationFailed({ amount: amount < product.minAmount ? "amountTooSmall" : "amountTooLarge" }, `${product.name} lends between details.min and details.max.`, undefined, { min: idr(product.minAmount), max: idr(product.maxAmount) });
      }
      if (amount % product.investmentStep !== 0n) {
        throw new ValidationFailed({ amount: "amountStep" }, "The amount must be a multiple of the product's step (details.step).", undefined, { step: idr(product.investmentStep) });
      }
      if (tenor < product.minTenor || tenor > product.maxTenor) {
        throw new ValidationFailed({ tenor: "tenorRange" }, `${product.name} runs details.min–details.max ${product.tenorUnit}.`, undefined, { min: product.minTenor, max: product.maxTenor, unit: product.tenorUnit });
      }
      Object.assign(patch, { productId: product.id, amount, tenor, purpose: data.data.purpose });
    }
    if (data.step === "documents") {
      const docs = await tx.select({ kind: applicationDocuments.kind }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, app.id));
      if (!docs.some((d) => d.kind === "id")) throw new ValidationFailed({ id: "documentRequired" }, "Upload an identity document (KTP) of the owner.");
    }
    const completedSteps = APPLICATION_STEPS.filter((s) => s === data.step || app.completedSteps.includes(s));
    patch.completedSteps = completedSteps;
    await tx.update(loanApplications).set(patch).where(eq(loanApplications.id, app.id));
    await track(tx, {
      name: "loan_application_step_completed",
      userId: actor.userId,
      properties: { applicationId: app.id, step: data.step, stepIndex: APPLICATION_STEPS.indexOf(data.step) + 1 },
      context: ctx.request,
    });
    return { applicationId: app.id, completedSteps };
  });
}

/** Stores an uploaded document (PDF/JPEG/PNG by content, ≤ 5 MB) for the borrower's draft. */
export async function uploadApplicationDocument({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "borrower");
  const { bytes, ...data } = parseInput(UploadDocumentFileInput, input);
  return withTransaction(ctx, async (tx) => {
    const app = await lockOwnApplication(tx, actor, data.applicationId);
    if (app.status !== "draft" && app.status !== "needs_info") {
      throw new Conflict("application_not_draft", "Documents can be added only to a draft or when we asked for more information.");
    }
    const stored = await storeDocument({ folder: `applications/${app.id}`, bytes, field: data.kind });
    const [doc] = await tx
      .insert(applicationDocuments)
      .values({ applicationId: app.id, kind: data.kind, storageKey: stored.key, mime: stored.mime, size: stored.size, sha256: stored.sha256, fileName: displayFileName(data.fileName), uploadedAt: now() })
      .returning();
    await track(tx, { name: "loan_application_document_uploaded", userId: actor.userId, properties: { applicationId: app.id, kind: data.kind, mime: stored.mime, size: stored.size }, context: ctx.request });
    return { id: doc!.id, kind: doc!.kind, mime: doc!.mime, size: doc!.size, fileName: doc!.fileName, uploadedAt: doc!.uploadedAt };
  });
}

/** Repayment history on Lumbung for the scorecard. */
async function repaymentHistory(tx: DbOrTx, borrowerId: string) {
  const [row] = await tx
    .select({
      repaid: sql<number>`count(*) filter (where ${loans.status} = 'repaid')::int`,
      defaults: sql<number>`count(*) filter (where ${loans.defaultedAt} is not null)::int`,
    })
    .from(loans)
    .where(eq(loans.borrowerId, borrowerId));
  const [late] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(installments)
    .innerJoin(loans, eq(loans.id, installments.loanId))
    .where(and(eq(loans.borrowerId, borrowerId), sql`${installments.paidAt} > ${installments.dueDate} + interval '1 day'`));
  return { loansRepaid: Number(row?.repaid ?? 0), defaults: Number(row?.defaults ?? 0), latePayments: Number(late?.n ?? 0) };
}

/**
 * Submits a complete draft: scores it (the breakdown is stored for admins), then either declines it
 * (below E5, too many platforms, no ID) or checks the resulting offer against the caps in force
 * today and puts it in the review queue. An offer that breaks a cap is refused with the reason and
 * the draft stays editable.
 */
export async function submitApplication({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "borrower");
  const { applicationId } = parseInput(ApplicationIdInput, input);
  return withTransaction(ctx, async (tx) => {
    const app = await lockOwnApplication(tx, actor, applicationId);
    if (app.status !== "draft") throw new Conflict("application_not_draft", "This application was already submitted.");
    const missing = APPLICATION_STEPS.filter((s) => !app.completedSteps.includes(s));
    if (missing.length > 0) throw new ValidationFailed(Object.fromEntries(missing.map((s) => [s, "stepIncomplete"])), `Complete these steps first: ${missing.join(", ")}.`);
    const product = await getProduct(tx, app.productId!);
    const tenor = tenorOf(product.tenorUnit, app.tenor!);
    const at = now();
    const bands = rateBandsOf(product);
    // Affordability is judged on a mid-band (C3) installment: the grade is not known yet.
    const probe = buildSchedule({ principal: app.amount!, annualRateBps: rateForGrade("C3", bands), tenor, method: product.method, startDate: at });
    const docs = await tx.select({ kind: applicationDocuments.kind }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, app.id));
    const f = app.financials;
    const result = scoreApplication({
      yearsOperating: app.business.yearsOperating ?? 0,
      monthlyRevenue: BigInt(f.monthlyRevenue ?? "0"),
      monthlyExpenses: BigInt(f.monthlyExpenses ?? "0"),
      sector: (app.business.sector ?? "other") as Sector,
      otherPlatforms: f.otherPlatforms ?? 0,
      documents: { bankStatements: docs.some((d) => d.kind === "bank_statement"), businessLicence: docs.some((d) => d.kind === "business_licence"), id: docs.some((d) => d.kind === "id") },
      estimatedInstallment: probe.installments[0]!.total,
      repaymentHistory: await repaymentHistory(tx, actor.userId),
    });
    const scorecard = { score: result.score, breakdown: result.breakdown, decision: result.decision, ...(result.decision === "declined" ? { reasons: result.reasons } : {}) };
    await track(tx, { name: "loan_application_submitted", userId: actor.userId, properties: { applicationId: app.id, productId: product.id, amount: app.amount, tenor: app.tenor, score: result.score }, context: ctx.request });
    if (result.decision === "declined") {
      const reason = result.reasons.join(", ");
      await tx.update(loanApplications).set({ status: "declined", score: result.score, scorecard, decisionReason: reason, submittedAt: at, decidedAt: at, updatedAt: at }).where(eq(loanApplications.id, app.id));
      await track(tx, { name: "loan_application_declined", userId: actor.userId, properties: { applicationId: app.id, score: result.score, reasons: result.reasons } });
      await notify(tx, { userId: actor.userId, kind: "application_declined", params: { reason }, link: `/borrower/applications/${app.id}` });
      return { applicationId: app.id, status: "declined" as const, score: result.score, reasons: result.reasons };
    }
    const rateBps = rateForGrade(result.grade, bands);
    await checkOfferAgainstCaps(tx, { borrowerId: actor.userId, principal: app.amount!, rateBps, tenor, method: product.method, platformFeeBps: BigInt(product.platformFeeBps), at });
    await tx
      .update(loanApplications)
      .set({ status: "in_review", score: result.score, subgrade: result.grade, rateBps: Number(rateBps), scorecard, submittedAt: at, updatedAt: at })
      .where(eq(loanApplications.id, app.id));
    return { applicationId: app.id, status: "in_review" as const, score: result.score, subgrade: result.grade, rateBps: Number(rateBps) };
  });
}
