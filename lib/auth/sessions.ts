import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { authFactorFailures, userSessions, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireUser, withTransaction, type Ctx, type UserActor } from "@/lib/context";
import { DomainError, NotFound, parseInput, Unauthenticated, ValidationFailed } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { SESSION_MAX_AGE_S } from "./config";
import { hashPassword, verifyPassword } from "./password";
import { WEAK_PASSWORD_MESSAGE, weakPasswordReason } from "./password-policy";
import { ChangePasswordInput, ReauthInput } from "./schemas";
import { revokeAllSessions, assertFactorAttemptsLeft } from "./internal/sessions";

/**
 * Server-side session state behind the Auth.js JWT cookie.
 *
 * Each sign-in inserts a `user_sessions` row; the JWT carries its id (`sid`) and the user's
 * `session_version` at that moment (`sv`). Every request resolves the cookie with one primary-key
 * lookup (session row joined to its user, see resolveSession) and is signed out when the row is
 * revoked (sign-out of this device, password change for the other devices), the version moved on
 * (sign out everywhere, suspension), the user is suspended, or the role differs from the token's.
 * A per-session row (not only a version) is what lets sign-out end THIS session and leave the user's
 * other devices signed in; it also holds the time the password was last given (re-auth).
 */

/** Money leaving (withdrawals, bank accounts) needs the password given within this window. */
export const REAUTH_MAX_AGE_MS = 15 * 60_000;

export class ReauthRequired extends DomainError {
  constructor() {
    super("reauth_required", "Please enter your password again to continue.", 403);
  }
}

/** Sign-out: ends this session on the server (the cookie is cleared by Auth.js). Other devices stay. */
export async function endSession({ ctx }: { ctx: Ctx }): Promise<void> {
  const actor = requireUser(ctx);
  await withTransaction(ctx, async (tx) => {
    if (actor.session) {
      await tx
        .update(userSessions)
        .set({ revokedAt: now() })
        .where(and(eq(userSessions.id, actor.session.id), eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt)));
    }
    await track(tx, { name: "user_signed_out", userId: actor.userId, context: ctx.request });
  });
}

/** "Sign out everywhere" on the profile: this device included. */
export async function signOutEverywhere({ ctx }: { ctx: Ctx }): Promise<void> {
  const actor = requireUser(ctx);
  await withTransaction(ctx, async (tx) => {
    await revokeAllSessions(tx, actor.userId);
    await track(tx, { name: "user_signed_out_everywhere", userId: actor.userId, context: ctx.request });
  });
}

/** Records a wrong code/password outside the caller's transaction, so it counts even when it rolls back. */
export async function recordFactorFailure(userId: string, kind: "totp" | "reauth"): Promise<void> {
  await getDb().insert(authFactorFailures).values({ userId, kind, occurredAt: now() });
}

function wrongPassword(field: string): ValidationFailed {
  return new ValidationFailed({ [field]: "wrongPassword" }, "The password is incorrect.", "wrong_password");
}

/**
 * The password again, for money leaving: marks this session as freshly authenticated. Wrong
 * passwords are limited per user (5 in 15 minutes).
 */
export async function reauthenticate({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  const actor = requireUser(ctx);
  const { password } = parseInput(ReauthInput, input);
  if (!actor.session) throw new Unauthenticated();
  const session = actor.session;
  const ok = await withTransaction(ctx, async (tx) => {
    await assertFactorAttemptsLeft(tx, actor.userId, "reauth");
    const [user] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
    if (!user || !(await verifyPassword(user.hash, password))) return false;
    const [row] = await tx
      .update(userSessions)
      .set({ authenticatedAt: now() })
      .where(and(eq(userSessions.id, session.id), eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt)))
      .returning({ id: userSessions.id });
    if (!row) throw new Unauthenticated();
    await track(tx, { name: "user_reauthenticated", userId: actor.userId, context: ctx.request });
    return true;
  });
  if (!ok) {
    await recordFactorFailure(actor.userId, "reauth");
    throw wrongPassword("password");
  }
}

/**
 * The guard for money leaving the platform, after requireRole: the password must have been given
 * in this session within the last 15 minutes (sign-in or reauthenticate). Fails closed without a
 * session.
 */
export function requireRecentAuth(ctx: Ctx): UserActor {
  const actor = requireUser(ctx);
  if (!actor.session || now().getTime() - actor.session.authenticatedAt.getTime() > REAUTH_MAX_AGE_MS) throw new ReauthRequired();
  return actor;
}

/**
 * Changes the password (current one required) and ends every other session of the user; this
 * session stays and counts as freshly authenticated.
 */
export async function changePassword({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  const actor = requireUser(ctx);
  const data = parseInput(ChangePasswordInput, input);
  const ok = await withTransaction(ctx, async (tx) => {
    await assertFactorAttemptsLeft(tx, actor.userId, "reauth");
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
    if (!user) throw new NotFound("Your account");
    if (!(await verifyPassword(user.passwordHash, data.currentPassword))) return false;
    const weak = weakPasswordReason(data.newPassword, { email: user.email, name: user.fullName });
    if (weak) throw new ValidationFailed({ newPassword: WEAK_PASSWORD_MESSAGE[weak] }, "Please choose a stronger password.", "weak_password");
    const at = now();
    await tx.update(users).set({ passwordHash: await hashPassword(data.newPassword), updatedAt: at }).where(eq(users.id, actor.userId));
    const others = actor.session
      ? and(eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt), ne(userSessions.id, actor.session.id))
      : and(eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt));
    await tx.update(userSessions).set({ revokedAt: at }).where(others);
    if (actor.session) await tx.update(userSessions).set({ authenticatedAt: at }).where(eq(userSessions.id, actor.session.id));
    await track(tx, { name: "user_password_changed", userId: actor.userId, context: ctx.request });
    return true;
  });
  if (!ok) {
    await recordFactorFailure(actor.userId, "reauth");
    throw wrongPassword("currentPassword");
  }
}

/** The signed-in user's open sessions, newest first (for the security page). */
export async function listMySessions({ ctx }: { ctx: Ctx }) {
  const actor = requireUser(ctx);
  const rows = await dbOf(ctx)
    .select({ id: userSessions.id, createdAt: userSessions.createdAt, userAgent: userSessions.userAgent, ip: userSessions.ip })
    .from(userSessions)
    .where(and(eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt), gt(userSessions.createdAt, new Date(now().getTime() - SESSION_MAX_AGE_S * 1000))))
    .orderBy(sql`${userSessions.createdAt} desc`)
    .limit(20);
  return rows.map((r) => ({ ...r, current: r.id === actor.session?.id }));
}
