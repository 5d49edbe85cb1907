import "server-only";
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { authFactorFailures, userSessions, users, type Role } from "@/db/schema";
import { now } from "@/lib/clock";
import { type Ctx, type UserActor } from "@/lib/context";
import { DomainError, NotFound, RateLimited } from "@/lib/errors";
import { isDemoMode } from "@/lib/system";
/** Wrong re-auth passwords / second-factor codes allowed per user in FACTOR_WINDOW_MS. */
export const MAX_FACTOR_FAILURES = 5;
export const FACTOR_WINDOW_MS = 15 * 60_000;

export class AccountSuspended extends DomainError {
  constructor() {
    super("account_suspended", "This account is suspended. Please contact support.", 403);
  }
}

export type SessionClaims = { sub?: unknown; sid?: unknown; sv?: unknown; role?: unknown };
export type ResolvedSession =
  | { status: "active"; actor: UserActor }
  /** An admin outside demo mode who has not enrolled (or not passed) a second factor yet. */
  | { status: "second_factor_setup"; actor: UserActor }
  | { status: "ended"; reason: "missing" | "revoked" | "version" | "suspended" | "role" };

/** Admins sign in with a second factor outside demo mode; in demo mode it is offered, not required. */
export function secondFactorRequired(role: Role): boolean {
  return role === "admin" && !isDemoMode();
}

const uuid = z.string().uuid();

/**
 * Starts a session for a user whose credentials (and second factor) were just accepted; refuses a
 * suspended user. Returns what the JWT carries.
 */
export async function startSession(
  db: DbOrTx,
  { userId, request, secondFactor }: { userId: string; request?: Ctx["request"]; secondFactor: boolean },
): Promise<{ sid: string; sv: number }> {
  // The version is read before the row is written: a concurrent "sign out everywhere" can only
  // make this new token invalid, never keep an old one alive.
  const [user] = await db.select({ sv: users.sessionVersion, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound("Your account");
  if (user.suspendedAt) throw new AccountSuspended();
  const at = now();
  const [row] = await db
    .insert(userSessions)
    .values({
      userId,
      createdAt: at,
      authenticatedAt: at,
      secondFactorAt: secondFactor ? at : null,
      userAgent: request?.userAgent ?? null,
      ip: request?.ip ?? null,
    })
    .returning({ id: userSessions.id });
  return { sid: row!.id, sv: user.sv };
}

/**
 * Resolves the claims of a session cookie to an actor, or says why the session has ended. One
 * lookup by the session's primary key, joined to the user by theirs.
 */
export async function resolveSession(db: DbOrTx, claims: SessionClaims): Promise<ResolvedSession> {
  const sid = uuid.safeParse(claims.sid);
  if (!sid.success || typeof claims.sub !== "string" || typeof claims.sv !== "number") return { status: "ended", reason: "missing" };
  const [row] = await db
    .select({
      userId: userSessions.userId,
      authenticatedAt: userSessions.authenticatedAt,
      secondFactorAt: userSessions.secondFactorAt,
      revokedAt: userSessions.revokedAt,
      role: users.role,
      version: users.sessionVersion,
      suspendedAt: users.suspendedAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sid.data))
    .limit(1);
  if (!row || row.userId !== claims.sub) return { status: "ended", reason: "missing" };
  if (row.revokedAt) return { status: "ended", reason: "revoked" };
  if (row.suspendedAt) return { status: "ended", reason: "suspended" };
  if (row.version !== claims.sv) return { status: "ended", reason: "version" };
  if (row.role !== claims.role) return { status: "ended", reason: "role" };
  const actor: UserActor = { type: "user", userId: row.userId, role: row.role, session: { id: sid.data, authenticatedAt: row.authenticatedAt } };
  if (secondFactorRequired(row.role) && !row.secondFactorAt) return { status: "second_factor_setup", actor };
  return { status: "active", actor };
}

/** Ends every session of the user at once: their version moves on and every open row is revoked. */
export async function revokeAllSessions(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await tx.update(userSessions).set({ revokedAt: now() }).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

async function recentFailures(db: DbOrTx, userId: string, kind: "totp" | "reauth"): Promise<number> {
  const since = new Date(now().getTime() - FACTOR_WINDOW_MS);
  const [row] = await db
    .select({ n: count() })
    .from(authFactorFailures)
    .where(and(eq(authFactorFailures.userId, userId), eq(authFactorFailures.kind, kind), gt(authFactorFailures.occurredAt, since)));
  return row?.n ?? 0;
}

/** Refuses when too many wrong codes/passwords were given recently. */
export async function assertFactorAttemptsLeft(db: DbOrTx, userId: string, kind: "totp" | "reauth"): Promise<void> {
  if ((await recentFailures(db, userId, kind)) >= MAX_FACTOR_FAILURES) {
    throw new RateLimited("Too many wrong attempts. Please wait 15 minutes and try again.", FACTOR_WINDOW_MS / 1000);
  }
}
