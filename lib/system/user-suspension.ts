import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { Conflict, Forbidden, NotFound, parseInput } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { revokeAllSessions } from "@/lib/auth/internal/sessions";
import { recordAdminDecision } from "@/lib/audit";

const UserIdInput = z.object({ userId: z.string().uuid() });

/**
 * Admin: suspends an account. Every session of that user ends at once (their session version moves
 * on, lib/auth/sessions.ts) and sign-in is refused until an admin reactivates them. An admin cannot
 * suspend themselves.
 */
export async function suspendUser({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  const actor = requireRole(ctx, "admin");
  const { userId } = parseInput(UserIdInput, input);
  if (userId === actor.userId) throw new Forbidden("You cannot suspend your own account.");
  await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ suspendedAt: now(), updatedAt: now() })
      .where(and(eq(users.id, userId), isNull(users.suspendedAt)))
      .returning({ id: users.id });
    if (!row) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!exists) throw new NotFound("The user");
      throw new Conflict("user_already_suspended", "This account is already suspended.");
    }
    await revokeAllSessions(tx, userId);
    await recordAdminDecision(tx, ctx, { action: "user.suspended", subject: { type: "user", id: userId }, after: { suspended: true } });
    await track(tx, { name: "user_suspended", userId, properties: { adminId: actor.userId }, context: ctx.request });
  });
}

/** Admin: lifts a suspension; the user can sign in again (old sessions stay ended). */
export async function reactivateUser({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  const actor = requireRole(ctx, "admin");
  const { userId } = parseInput(UserIdInput, input);
  await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ suspendedAt: null, updatedAt: now() })
      .where(and(eq(users.id, userId), isNotNull(users.suspendedAt)))
      .returning({ id: users.id });
    if (!row) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!exists) throw new NotFound("The user");
      throw new Conflict("user_not_suspended", "This account is not suspended.");
    }
    await recordAdminDecision(tx, ctx, { action: "user.reactivated", subject: { type: "user", id: userId }, after: { suspended: false } });
    await track(tx, { name: "user_reactivated", userId, properties: { adminId: actor.userId }, context: ctx.request });
  });
}

/** Admin: whether an account is suspended (for the user page). */
export async function getUserAccountStatus({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requireRole(ctx, "admin");
  const { userId } = parseInput(UserIdInput, input);
  const [row] = await dbOf(ctx).select({ suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, userId));
  if (!row) throw new NotFound("The user");
  return { suspendedAt: row.suspendedAt, isSelf: userId === actor.userId };
}
