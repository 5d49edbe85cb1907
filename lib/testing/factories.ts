import crypto from "node:crypto";
import { userSessions, users, type Role } from "@/db/schema";
import { getDb } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { userCtx, type Ctx } from "@/lib/context";

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-battery";

/** Creates a user directly (fast path for tests that are not about sign-up) and returns its ctx. */
export async function createTestUser(role: Role, overrides: { email?: string; fullName?: string } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const at = now();
  const [user] = await getDb()
    .insert(users)
    .values({
      email: overrides.email ?? `${role}-${crypto.randomBytes(4).toString("hex")}@test.lumbung`,
      passwordHash: await cachedHash,
      role,
      fullName: overrides.fullName ?? `Test ${role}`,
      phone: "081200000000",
      locale: "en",
      companyName: role === "borrower" ? "PT Uji Coba" : null,
      businessSector: role === "borrower" ? "retail" : null,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  // A real server-side session, as if the user had just signed in (lib/auth/sessions.ts).
  const [session] = await getDb().insert(userSessions).values({ userId: user!.id, createdAt: at, authenticatedAt: at }).returning();
  const ctx: Ctx = userCtx(user!.id, role, { ip: "203.0.113.9" }, { id: session!.id, authenticatedAt: at });
  return { user: user!, ctx };
}

/** The ctx as if the user had just given their password again (tests that move the clock past re-auth). */
export function withFreshAuth(ctx: Ctx): Ctx {
  if (ctx.actor.type !== "user" || !ctx.actor.session) return ctx;
  return { ...ctx, actor: { ...ctx.actor, session: { ...ctx.actor.session, authenticatedAt: now() } } };
}
