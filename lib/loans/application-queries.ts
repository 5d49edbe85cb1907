import "server-only";
import { and, asc, count, desc, eq, like, lte, sql, type SQL } from "drizzle-orm";
import { applicationDocuments, applicationQuestions, loanApplications, loanProducts, loans, users, type LoanApplication } from "@/db/schema";
import { now } from "@/lib/clock";
import { allowAnonymous, dbOf, requireRole, requireUser, type Ctx } from "@/lib/context";
import { NotFound, parseInput, parseLookup } from "@/lib/errors";
import { fileStorage } from "@/lib/storage";
import { ApplicationIdInput, DocumentIdInput, ListLoanProductsInput, ReviewQueueQuery } from "./schemas";

/**
 * Active products for the apply form and the public rates page (bigint money, rate bands in bps);
 * products closed for applications are for admins only.
 */
export async function listLoanProducts({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  allowAnonymous(ctx); // the public rates page; inactive products below are for admins only
  const { includeInactive } = parseInput(ListLoanProductsInput, input ?? {});
  if (includeInactive) requireRole(ctx, "admin");
  const rows = await dbOf(ctx).select().from(loanProducts).where(includeInactive ? undefined : eq(loanProducts.active, true)).orderBy(asc(loanProducts.createdAt), asc(loanProducts.code));
  return rows;
}

async function applicationDetail(ctx: Ctx, app: LoanApplication, audience: "owner" | "admin") {
  const db = dbOf(ctx);
  const [documents, questions, loan, product] = await Promise.all([
    db.select({ id: applicationDocuments.id, kind: applicationDocuments.kind, mime: applicationDocuments.mime, size: applicationDocuments.size, fileName: applicationDocuments.fileName, uploadedAt: applicationDocuments.uploadedAt }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, app.id)).orderBy(asc(applicationDocuments.uploadedAt)),
    db.select().from(applicationQuestions).where(eq(applicationQuestions.applicationId, app.id)).orderBy(asc(applicationQuestions.askedAt)),
    db.select({ id: loans.id, status: loans.status }).from(loans).where(eq(loans.applicationId, app.id)).limit(1),
    app.productId ? db.select().from(loanProducts).where(eq(loanProducts.id, app.productId)).limit(1) : Promise.resolve([]),
  ]);
  return {
    id: app.id,
    status: app.status,
    completedSteps: app.completedSteps,
    business: app.business,
    financials: app.financials,
    product: product[0] ? { id: product[0].id, code: product[0].code, name: product[0].name, tenorUnit: product[0].tenorUnit } : null,
    amount: app.amount,
    tenor: app.tenor,
    purpose: app.purpose,
    subgrade: app.subgrade,
    rateBps: app.rateBps,
    decisionReason: app.decisionReason,
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    createdAt: app.createdAt,
    documents,
    questions: questions.map((q) => ({ id: q.id, question: q.question, askedAt: q.askedAt, answer: q.answer, answeredAt: q.answeredAt })),
    loan: loan[0] ?? null,
    // The scorecard's points are for admins; the borrower sees the outcome.
    ...(audience === "admin" ? { score: app.score, scorecard: app.scorecard, borrowerId: app.borrowerId, reviewedBy: app.reviewedBy } : {}),
  };
}

export type ApplicationView = Awaited<ReturnType<typeof applicationDetail>>;

/** The borrower's own application (another's id is NotFound). */
export async function getApplicationForBorrower({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ApplicationView> {
  const actor = requireRole(ctx, "borrower");
  const { applicationId } = parseLookup(ApplicationIdInput, input, "The application");
  const [app] = await dbOf(ctx).select().from(loanApplications).where(and(eq(loanApplications.id, applicationId), eq(loanApplications.borrowerId, actor.userId))).limit(1).catch(() => []);
  if (!app) throw new NotFound("The application");
  return applicationDetail(ctx, app, "owner");
}

/** The borrower's latest draft, to resume the apply form where they left it; null if none. */
export async function getMyDraftApplication({ ctx }: { ctx: Ctx }): Promise<ApplicationView | null> {
  const actor = requireRole(ctx, "borrower");
  const [app] = await dbOf(ctx).select().from(loanApplications).where(and(eq(loanApplications.borrowerId, actor.userId), eq(loanApplications.status, "draft"))).orderBy(desc(loanApplications.updatedAt)).limit(1);
  return app ? applicationDetail(ctx, app, "owner") : null;
}

export async function listMyApplications({ ctx }: { ctx: Ctx }) {
  const actor = requireRole(ctx, "borrower");
  return dbOf(ctx)
    .select({ id: loanApplications.id, status: loanApplications.status, amount: loanApplications.amount, tenor: loanApplications.tenor, productId: loanApplications.productId, submittedAt: loanApplications.submittedAt, createdAt: loanApplications.createdAt, updatedAt: loanApplications.updatedAt })
    .from(loanApplications)
    .where(eq(loanApplications.borrowerId, actor.userId))
    .orderBy(desc(loanApplications.createdAt));
}

/** Admin: an application with documents, questions and the stored scorecard. */
export async function getApplicationForAdmin({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ApplicationView> {
  requireRole(ctx, "admin");
  const { applicationId } = parseLookup(ApplicationIdInput, input, "The application");
  const [app] = await dbOf(ctx).select().from(loanApplications).where(eq(loanApplications.id, applicationId)).limit(1).catch(() => []);
  if (!app) throw new NotFound("The application");
  return applicationDetail(ctx, app, "admin");
}

/** Admin review queue: submitted applications, oldest first, filtered by status, product, grade, age. */
export async function listReviewQueue({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const q = parseInput(ReviewQueueQuery, input ?? {});
  const conditions: SQL[] = [q.status ? eq(loanApplications.status, q.status) : sql`${loanApplications.status} in ('in_review', 'needs_info')`];
  if (q.productId) conditions.push(eq(loanApplications.productId, q.productId));
  if (q.grade) conditions.push(like(loanApplications.subgrade, `${q.grade}%`));
  if (q.minAgeDays !== undefined) conditions.push(lte(loanApplications.submittedAt, new Date(now().getTime() - q.minAgeDays * 86_400_000)));
  const where = and(...conditions);
  const db = dbOf(ctx);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: loanApplications.id,
        status: loanApplications.status,
        borrowerName: users.fullName,
        companyName: sql<string | null>`${loanApplications.business}->>'legalName'`,
        productName: loanProducts.name,
        amount: loanApplications.amount,
        tenor: loanApplications.tenor,
        score: loanApplications.score,
        subgrade: loanApplications.subgrade,
        rateBps: loanApplications.rateBps,
        submittedAt: loanApplications.submittedAt,
      })
      .from(loanApplications)
      .innerJoin(users, eq(users.id, loanApplications.borrowerId))
      .leftJoin(loanProducts, eq(loanProducts.id, loanApplications.productId))
      .where(where)
      .orderBy(asc(loanApplications.submittedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(loanApplications).where(where),
  ]);
  return { items, total: total?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/** A document's bytes, for its application's owner and admins only (others: NotFound). */
export async function readApplicationDocument({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireUser(ctx);
  const { documentId } = parseLookup(DocumentIdInput, input, "The document");
  const [doc] = await dbOf(ctx)
    .select({ doc: applicationDocuments, borrowerId: loanApplications.borrowerId })
    .from(applicationDocuments)
    .innerJoin(loanApplications, eq(loanApplications.id, applicationDocuments.applicationId))
    .where(eq(applicationDocuments.id, documentId))
    .limit(1)
    .catch(() => []);
  if (!doc || (actor.role !== "admin" && doc.borrowerId !== actor.userId)) throw new NotFound("The document");
  return { mime: doc.doc.mime, kind: doc.doc.kind, fileName: doc.doc.fileName, bytes: await fileStorage().get(doc.doc.storageKey) };
}
