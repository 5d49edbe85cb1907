import "server-only";
import { getDb, type Tx } from "@/db";
import type { Role } from "@/db/schema";
import type { EventContext } from "@/db/schema";
import { Forbidden, Unauthenticated } from "./errors";

/**
 * `session` is the browser session the request came with (lib/auth/sessions.ts): its id and when the
 * password was last given in it. Server code acting for a user without a browser (seed, tests) may
 * pass one too; verbs that need a recent password (withdrawals, bank accounts) refuse without it.
 */
export type ActorSession = { id: string; authenticatedAt: Date };
export type UserActor = { type: "user"; userId: string; role: Role; session?: ActorSession };
export type Actor = UserActor | { type: "system"; name: string } | { type: "anonymous" };

/** What every verb and query receives: who is acting, the transaction to use, request details. */
export type Ctx = {
  actor: Actor;
  tx?: Tx;
  request?: EventContext & { anonymousId?: string };
};

export const systemCtx = (name: string): Ctx => ({ actor: { type: "system", name } });
export const anonymousCtx = (request?: Ctx["request"]): Ctx => ({ actor: { type: "anonymous" }, request });
export const userCtx = (userId: string, role: Role, request?: Ctx["request"], session?: ActorSession): Ctx => ({
  actor: session ? { type: "user", userId, role, session } : { type: "user", userId, role },
  request,
});

/**
 * The first line of every verb and query: fails closed unless the actor is a signed-in user with one
 * of the given roles.
 */
export function requireRole(ctx: Ctx, ...roles: Role[]): UserActor {
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  if (roles.length > 0 && !roles.includes(ctx.actor.role)) throw new Forbidden();
  return ctx.actor;
}

/** Any signed-in user. */
export function requireUser(ctx: Ctx): UserActor {
  return requireRole(ctx);
}

/** System work (jobs, boot) or an admin. */
export function requireSystemOrAdmin(ctx: Ctx): void {
  if (ctx.actor.type === "system") return;
  requireRole(ctx, "admin");
}

/** System work only (jobs, boot, the time machine): users and anonymous callers are refused. */
export function requireSystem(ctx: Ctx): { type: "system"; name: string } {
  if (ctx.actor.type === "system") return ctx.actor;
  if (ctx.actor.type === "anonymous") throw new Unauthenticated();
  throw new Forbidden();
}

/**
 * Says on the first line that anyone may call this (sign-in, registration, browser events, the
 * sandbox payment page): the verb decides itself what each kind of actor may do. Still fails closed
 * on a ctx without a known actor.
 */
export function allowAnonymous(ctx: Ctx): Actor {
  const actor = ctx?.actor;
  if (actor?.type !== "user" && actor?.type !== "system" && actor?.type !== "anonymous") throw new Unauthenticated();
  return actor;
}

/** Runs fn in a transaction, reusing the caller's when there is one. */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Tx, ctx: Ctx & { tx: Tx }) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx, ctx as Ctx & { tx: Tx });
  return getDb().transaction((tx) => fn(tx, { ...ctx, tx }));
}

/** The database to read from: the caller's transaction or the pool. */
export function dbOf(ctx: Ctx) {
  return ctx.tx ?? getDb();
}
