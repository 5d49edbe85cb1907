import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { kycProfiles, kycSteps, users, type KycProfile } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, NotFound, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { findProfile, findStep, kycViewOf, stepsOf, type KycView } from "./internal/profile";
import { KYC_STEPS, KycQueueInput, KycUserIdInput, RejectKycStepInput, ReviewKycStepInput, type KycStep } from "./schemas";

/** Admin: verifications in a status (default: waiting for review), the oldest submission first. */
export async function listKycQueue({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const p = parseInput(KycQueueInput, input);
  const db = dbOf(ctx);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        userId: kycProfiles.userId,
        status: kycProfiles.status,
        version: kycProfiles.version,
        submittedAt: kycProfiles.submittedAt,
        decidedAt: kycProfiles.decidedAt,
        fullName: users.fullName,
        email: users.email,
        role: users.role,
      })
      .from(kycProfiles)
      .innerJoin(users, eq(users.id, kycProfiles.userId))
      .where(eq(kycProfiles.status, p.status))
      .orderBy(p.status === "submitted" ? asc(kycProfiles.submittedAt) : desc(kycProfiles.submittedAt), asc(kycProfiles.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(kycProfiles).where(eq(kycProfiles.status, p.status)),
  ]);
  return { items: rows, total: total?.total ?? 0, page: p.page, pageSize: p.pageSize, status: p.status };
}

export type KycReview = KycView & { user: { id: string; fullName: string; email: string; role: string } };

/** Admin: one user's verification with every step's data and files, for review side by side. */
export async function getKycForReview({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<KycReview> {
  requireRole(ctx, "admin");
  const parsed = KycUserIdInput.safeParse(input);
  if (!parsed.success) throw new NotFound("The verification", "kyc_not_found");
  const db = dbOf(ctx);
  const [profile, [user]] = await Promise.all([
    findProfile(db, parsed.data.userId),
    db.select({ id: users.id, fullName: users.fullName, email: users.email, role: users.role }).from(users).where(eq(users.id, parsed.data.userId)).limit(1),
  ]);
  if (!profile || !user) throw new NotFound("The verification", "kyc_not_found");
  return { ...(await kycViewOf(db, user.id)), user };
}

async function lockSubmitted(tx: Tx, userId: string): Promise<KycProfile> {
  const [profile] = await tx.select().from(kycProfiles).where(eq(kycProfiles.userId, userId)).for("update").limit(1);
  if (!profile) throw new NotFound("The verification", "kyc_not_found");
  if (profile.status !== "submitted") {
    throw new Conflict("kyc_not_submitted", `This verification is ${profile.status}, not waiting for review.`, { status: profile.status });
  }
  return profile;
}

/** Where the decision notification leads (borrowers: their dashboard until the KYB page exists). */
function areaLink(role: string): string {
  return role === "borrower" ? "/borrower" : "/lender/kyc";
}

/**
 * After each step decision: every step approved → the verification is approved; every step decided
 * with at least one rejected → it is rejected and the user is told which steps to fix.
 */
async function finalize(tx: Tx, profile: KycProfile, adminId: string): Promise<void> {
  const rows = await stepsOf(tx, profile.userId);
  const status = new Map(rows.map((r) => [r.step as KycStep, r.status]));
  const all = KYC_STEPS.map((s) => status.get(s) ?? "pending");
  if (all.some((s) => s === "pending" || s === "completed")) return;
  const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, profile.userId)).limit(1);
  const at = now();
  const rejected = KYC_STEPS.filter((s) => status.get(s) === "rejected");
  const outcome = rejected.length === 0 ? "approved" : "rejected";
  const firstRejected = rejected[0] ?? null;
  await tx
    .update(kycProfiles)
    .set({ status: outcome, decidedAt: at, decidedBy: adminId, currentStep: firstRejected, updatedAt: at })
    .where(eq(kycProfiles.id, profile.id));
  const link = areaLink(user?.role ?? "lender");
  if (outcome === "approved") {
    await track(tx, { name: "kyc_approved", userId: profile.userId, properties: { version: profile.version } });
    await notify(tx, { userId: profile.userId, kind: "kycApproved", link });
  } else {
    await track(tx, { name: "kyc_rejected", userId: profile.userId, properties: { version: profile.version, steps: rejected } });
    await notify(tx, { userId: profile.userId, kind: "kycRejected", params: { count: rejected.length }, link });
  }
}

async function decide(ctx: Ctx, input: { userId: string; step: KycStep; reason?: string }, decision: "approved" | "rejected"): Promise<KycReview> {
  const actor = requireRole(ctx, "admin");
  await withTransaction(ctx, async (tx) => {
    const profile = await lockSubmitted(tx, input.userId);
    const row = await findStep(tx, input.userId, input.step);
    if (!row) throw new NotFound("The step", "kyc_step_not_found");
    const at = now();
    const reason = decision === "rejected" ? (input.reason ?? null) : null;
    await tx.update(kycSteps).set({ status: decision, reason, decidedBy: actor.userId, decidedAt: at }).where(eq(kycSteps.id, row.id));
    await recordAdminDecision(tx, ctx, {
      action: decision === "approved" ? "kyc.step_approved" : "kyc.step_rejected",
      subject: { type: "user", id: profile.userId },
      reason,
      before: { status: row.status },
      after: { status: decision },
      details: { step: input.step, version: profile.version },
    });
    await track(tx, {
      name: decision === "approved" ? "kyc_step_approved" : "kyc_step_rejected",
      userId: profile.userId,
      properties: { step: input.step, reason, adminId: actor.userId },
    });
    await finalize(tx, profile, actor.userId);
  });
  return getKycForReview({ ctx, input: { userId: input.userId } });
}

/** Admin: approves one step of a submitted verification (the last approval approves the whole). */
export async function approveKycStep({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<KycReview> {
  requireRole(ctx, "admin");
  return decide(ctx, parseInput(ReviewKycStepInput, input), "approved");
}

/** Admin: rejects one step of a submitted verification with a reason the user sees. */
export async function rejectKycStep({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<KycReview> {
  requireRole(ctx, "admin");
  return decide(ctx, parseInput(RejectKycStepInput, input), "rejected");
}

/** Counts for the admin nav / dashboard. */
export async function countKycWaiting({ ctx }: { ctx: Ctx }): Promise<number> {
  requireRole(ctx, "admin");
  const [row] = await dbOf(ctx).select({ n: count() }).from(kycProfiles).where(and(eq(kycProfiles.status, "submitted")));
  return row?.n ?? 0;
}
