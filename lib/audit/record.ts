import "server-only";
import type { DbOrTx } from "@/db";
import { adminAuditLog } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, requireSystemOrAdmin, type Ctx } from "@/lib/context";
import type { AuditAction, AuditSubjectType } from "./actions";

export type AdminDecision = {
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
  reason?: string | null;
  /** The state the decision changed, before and after (typed values: bigint, Date, numbers, strings). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Anything else worth keeping (amounts, references). */
  details?: Record<string, unknown>;
};

/** JSON has no bigint: amounts are kept as decimal strings, instants as ISO strings — never formatted. */
function typed(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(typed);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typed(v)]));
  }
  return value;
}

/**
 * Records one admin decision in the admin audit log. Call it with the transaction of the decision, so
 * the row exists exactly when the change committed. Fails closed: only an admin's ctx can write one.
 */
export async function recordAdminDecision(tx: DbOrTx, ctx: Ctx, decision: AdminDecision): Promise<void> {
  const admin = requireRole(ctx, "admin");
  const details: Record<string, unknown> = { ...decision.details };
  if (decision.before) details.before = decision.before;
  if (decision.after) details.after = decision.after;
  await tx.insert(adminAuditLog).values({
    occurredAt: now(),
    adminId: admin.userId,
    action: decision.action,
    subjectType: decision.subject.type,
    subjectId: decision.subject.id,
    reason: decision.reason ?? null,
    details: typed(details) as Record<string, unknown>,
    ip: ctx.request?.ip?.slice(0, 100) ?? null,
    userAgent: ctx.request?.userAgent?.slice(0, 500) ?? null,
  });
}

/** For verbs that jobs run too (requireSystemOrAdmin): an admin running one is a decision; a job is not. */
export async function recordIfAdmin(tx: DbOrTx, ctx: Ctx, decision: AdminDecision): Promise<void> {
  requireSystemOrAdmin(ctx);
  if (ctx.actor.type === "system") return;
  await recordAdminDecision(tx, ctx, decision);
}
