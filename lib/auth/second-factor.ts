import "server-only";
import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db";
import { userRecoveryCodes, userSessions, userTotp, users } from "@/db/schema";
import { now, realNow } from "@/lib/clock";
import type { Tx } from "@/db";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { recordAdminDecision } from "@/lib/audit";
import { Conflict, DomainError, NotFound, parseInput, ValidationFailed } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { verifyPassword } from "./password";
import { ReauthInput, SecondFactorCodeInput } from "./schemas";
import { assertFactorAttemptsLeft, secondFactorRequired } from "./internal/sessions";
import { recordFactorFailure } from "./sessions";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from "./totp";

/**
 * Admins' second factor: TOTP (RFC 6238, ./totp.ts) plus ten one-time recovery codes, hashed at
 * rest. Required outside demo mode (an admin without one is sent to enrol before anything else),
 * offered in demo mode. Codes are checked against the wall clock (realNow), not the time machine:
 * they come from the admin's phone, which knows nothing of the demo's clock. Wrong codes are limited
 * per user (5 in 15 minutes, shared with sign-in).
 */

export class SecondFactorRequired extends DomainError {
  constructor() {
    super("second_factor_required", "Enter the code from your authenticator app.", 401);
  }
}

function invalidCode(): ValidationFailed {
  return new ValidationFailed({ code: "secondFactorInvalid" }, "That code is not valid.", "second_factor_invalid");
}

/** The admin's second-factor state for the security page. */
export async function getSecondFactorStatus({ ctx }: { ctx: Ctx }) {
  const actor = requireRole(ctx, "admin");
  const db = dbOf(ctx);
  const [row] = await db.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, actor.userId));
  const [codes] = await db
    .select({ left: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, actor.userId), isNull(userRecoveryCodes.usedAt)));
  return { enabled: Boolean(row?.enabledAt), enabledAt: row?.enabledAt ?? null, required: secondFactorRequired(actor.role), recoveryCodesLeft: codes?.left ?? 0 };
}

/** Starts (or restarts) enrolment: a new secret, not yet enabled. Returns the secret and its otpauth URI. */
export async function startTotpEnrolment({ ctx }: { ctx: Ctx }): Promise<{ secret: string; uri: string }> {
  const actor = requireRole(ctx, "admin");
  return withTransaction(ctx, async (tx) => {
    const [existing] = await tx.select().from(userTotp).where(eq(userTotp.userId, actor.userId));
    if (existing?.enabledAt) throw new Conflict("second_factor_enabled", "Two-step sign-in is already on.");
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    if (!user) throw new NotFound("Your account");
    // Reuse a pending secret so reloading the page does not invalidate the QR code already scanned.
    const secret = existing?.secret ?? newTotpSecret();
    if (!existing) await tx.insert(userTotp).values({ userId: actor.userId, secret, createdAt: now() });
    return { secret, uri: totpUri(secret, user.email) };
  });
}

/**
 * Confirms enrolment with a code from the app: turns TOTP on, issues ten recovery codes (returned
 * once, stored hashed) and marks this session as having passed the second factor.
 */
export async function confirmTotpEnrolment({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ recoveryCodes: string[] }> {
  const actor = requireRole(ctx, "admin");
  const { code } = parseInput(SecondFactorCodeInput, input);
  const result = await withTransaction(ctx, async (tx) => {
    await assertFactorAttemptsLeft(tx, actor.userId, "totp");
    const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, actor.userId));
    if (!row) throw new NotFound("The enrolment", "second_factor_not_started");
    if (row.enabledAt) throw new Conflict("second_factor_enabled", "Two-step sign-in is already on.");
    const step = matchTotp(row.secret, code, realNow().getTime());
    if (step === null) return null;
    const at = now();
    await tx.update(userTotp).set({ enabledAt: at, lastStep: Number(step) }).where(eq(userTotp.userId, actor.userId));
    const codes = newRecoveryCodes();
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, actor.userId));
    await tx.insert(userRecoveryCodes).values(codes.map((c) => ({ userId: actor.userId, codeHash: hashRecoveryCode(c), createdAt: at })));
    if (actor.session) await tx.update(userSessions).set({ secondFactorAt: at }).where(eq(userSessions.id, actor.session.id));
    await track(tx, { name: "second_factor_enrolled", userId: actor.userId, context: ctx.request });
    return codes;
  });
  if (!result) {
    await recordFactorFailure(actor.userId, "totp");
    throw invalidCode();
  }
  return { recoveryCodes: result };
}

/**
 * The second step of signing in, for a user whose password was just accepted. Returns whether a
 * second factor was checked (false: the user has none). Throws SecondFactorRequired when one is on
 * and no code came, a field error for a wrong code, RateLimited after too many.
 * A TOTP code is accepted once (its time step must be newer than the last one used); a recovery
 * code is spent.
 */
export async function checkSecondFactorAtSignIn(
  userId: string,
  code: string | undefined,
  request?: Ctx["request"],
): Promise<boolean> {
  const db = getDb();
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  if (!row?.enabledAt) return false;
  if (!code) throw new SecondFactorRequired();
  const parsed = SecondFactorCodeInput.safeParse({ code });
  if (!parsed.success) throw invalidCode();
  const accepted = await db.transaction(async (tx) => {
    await assertFactorAttemptsLeft(tx, userId, "totp");
    const clean = parsed.data.code.replace(/\s/g, "");
    if (/^\d{6}$/.test(clean)) {
      const step = matchTotp(row.secret, clean, realNow().getTime());
      if (step === null) return false;
      const [used] = await tx
        .update(userTotp)
        .set({ lastStep: Number(step) })
        .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastStep), lt(userTotp.lastStep, Number(step)))))
        .returning({ userId: userTotp.userId });
      return Boolean(used);
    }
    const [spent] = await tx
      .update(userRecoveryCodes)
      .set({ usedAt: now() })
      .where(and(eq(userRecoveryCodes.userId, userId), eq(userRecoveryCodes.codeHash, hashRecoveryCode(clean)), isNull(userRecoveryCodes.usedAt)))
      .returning({ id: userRecoveryCodes.id });
    if (!spent) return false;
    await track(tx, { name: "second_factor_recovery_code_used", userId, context: request });
    return true;
  });
  if (!accepted) {
    await recordFactorFailure(userId, "totp");
    throw invalidCode();
  }
  return true;
}

export class SecondFactorMandatory extends DomainError {
  constructor() {
    super("second_factor_mandatory", "Admins must use two-step sign-in here: it cannot be turned off.", 409);
  }
}

/**
 * Runs `fn` when `password` is the user's password (the factor-failure limit applies: 5 wrong in 15
 * minutes); a wrong one is recorded outside the transaction and refused as a field error.
 */
async function withPasswordAgain<T>(ctx: Ctx, userId: string, password: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await withTransaction(ctx, async (tx) => {
    await assertFactorAttemptsLeft(tx, userId, "reauth");
    const [user] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    if (!user || !(await verifyPassword(user.hash, password))) return { ok: false as const };
    return { ok: true as const, value: await fn(tx) };
  });
  if (!result.ok) {
    await recordFactorFailure(userId, "reauth");
    throw new ValidationFailed({ password: "wrongPassword" }, "The password is incorrect.", "wrong_password");
  }
  return result.value;
}

/**
 * Turns two-step sign-in off for the signed-in admin, after their password. Only where it is
 * offered (demo mode): outside it, it is required and this refuses with `second_factor_mandatory`.
 * Deletes the secret and the recovery codes; audited and recorded.
 */
export async function disableTotp({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  const actor = requireRole(ctx, "admin");
  const { password } = parseInput(ReauthInput, input);
  if (secondFactorRequired(actor.role)) throw new SecondFactorMandatory();
  await withPasswordAgain(ctx, actor.userId, password, async (tx) => {
    const [row] = await tx.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, actor.userId));
    if (!row?.enabledAt) throw new Conflict("second_factor_off", "Two-step sign-in is already off.");
    const [codes] = await tx
      .select({ left: count() })
      .from(userRecoveryCodes)
      .where(and(eq(userRecoveryCodes.userId, actor.userId), isNull(userRecoveryCodes.usedAt)));
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, actor.userId));
    await tx.delete(userTotp).where(eq(userTotp.userId, actor.userId));
    await recordAdminDecision(tx, ctx, {
      action: "user.second_factor_disabled",
      subject: { type: "user", id: actor.userId },
      before: { enabledAt: row.enabledAt, recoveryCodesLeft: codes?.left ?? 0 },
    });
    await track(tx, { name: "second_factor_disabled", userId: actor.userId, context: ctx.request });
  });
}

/**
 * Ten new recovery codes for the signed-in admin, after their password; the old ones (used or not)
 * stop working. Returned once, stored hashed; audited and recorded.
 */
export async function regenerateRecoveryCodes({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ recoveryCodes: string[] }> {
  const actor = requireRole(ctx, "admin");
  const { password } = parseInput(ReauthInput, input);
  const recoveryCodes = await withPasswordAgain(ctx, actor.userId, password, async (tx) => {
    const [row] = await tx.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, actor.userId));
    if (!row?.enabledAt) throw new Conflict("second_factor_off", "Two-step sign-in is off: set it up first.");
    const [old] = await tx
      .select({ left: count() })
      .from(userRecoveryCodes)
      .where(and(eq(userRecoveryCodes.userId, actor.userId), isNull(userRecoveryCodes.usedAt)));
    const codes = newRecoveryCodes();
    const at = now();
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, actor.userId));
    await tx.insert(userRecoveryCodes).values(codes.map((c) => ({ userId: actor.userId, codeHash: hashRecoveryCode(c), createdAt: at })));
    await recordAdminDecision(tx, ctx, {
      action: "user.recovery_codes_regenerated",
      subject: { type: "user", id: actor.userId },
      before: { recoveryCodesLeft: old?.left ?? 0 },
      after: { recoveryCodesLeft: codes.length },
    });
    await track(tx, { name: "second_factor_recovery_codes_regenerated", userId: actor.userId, context: ctx.request });
    return codes;
  });
  return { recoveryCodes };
}
