import crypto from "node:crypto";
import type { Role } from "@/db/schema";
import { now } from "@/lib/clock";
import { userCtx, type Ctx } from "@/lib/context";

/**
 * The seed acts for a demo user as if they had just signed in: verbs that need a recent password
 * (withdrawals, bank accounts; lib/auth/sessions.ts requireRecentAuth) accept it. No session row or
 * cookie exists for it, so nothing can sign in with it.
 */
export function seedUserCtx(userId: string, role: Role): Ctx {
  return userCtx(userId, role, undefined, { id: crypto.randomUUID(), authenticatedAt: now() });
}
