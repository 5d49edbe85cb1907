import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import type { Role } from "@/db/schema";
import { anonymousCtx, type Ctx, type UserActor } from "@/lib/context";
import { syncClock } from "@/lib/system";
import { auth } from "./index";
import { requestContextFromHeaders } from "./request-context";
import { resolveSession, type ResolvedSession } from "./internal/sessions";

export const SECOND_FACTOR_SETUP_PATH = "/two-factor";

/**
 * The signed session cookie checked against the server-side session (lib/auth/sessions.ts): one
 * primary-key lookup per request, cached per request.
 */
const resolveRequest = cache(async (): Promise<{ resolved: ResolvedSession; request: Ctx["request"] }> => {
  const [session, h] = await Promise.all([auth(), headers()]);
  await syncClock();
  const request = requestContextFromHeaders(h);
  const user = session?.user;
  if (!user?.id) return { resolved: { status: "ended", reason: "missing" }, request };
  const resolved = await resolveSession(getDb(), { sub: user.id, sid: user.sid, sv: user.sv, role: user.role });
  return { resolved, request };
});

/**
 * The Ctx for the current request: the signed-in user, or anonymous when there is no cookie or its
 * session has ended (signed out, signed out everywhere, password changed elsewhere, suspended, role
 * changed) — pages then redirect to sign-in and APIs answer 401. An admin who still has to set up
 * the second factor is anonymous here too (see getSecondFactorSetupCtx). Cached per request.
 * Authorization itself happens in each verb and query (requireRole).
 */
export const getRequestCtx = cache(async (): Promise<Ctx> => {
  const { resolved, request } = await resolveRequest();
  if (resolved.status === "active") return { actor: resolved.actor, request };
  return anonymousCtx(request);
});

/** For the second-factor enrolment page and its actions only: the admin before their second factor. */
export async function getSecondFactorSetupCtx(): Promise<Ctx> {
  const { resolved, request } = await resolveRequest();
  if (resolved.status === "ended") return anonymousCtx(request);
  return { actor: resolved.actor, request };
}

/**
 * For area layouts and pages: signed-out visitors go to sign-in, a signed-in user of another role
 * gets 403, an admin who must still set up the second factor goes to its page. This only shapes
 * navigation; the data layer checks again.
 */
export async function requirePageRole(role: Role, returnTo: string): Promise<{ ctx: Ctx; actor: UserActor }> {
  const { resolved } = await resolveRequest();
  if (resolved.status === "second_factor_setup") redirect(SECOND_FACTOR_SETUP_PATH);
  const ctx = await getRequestCtx();
  if (ctx.actor.type !== "user") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (ctx.actor.role !== role) forbidden();
  return { ctx, actor: ctx.actor };
}

/**
 * Whether GET /api/auth/session may echo the cookie's claims: only while its server-side session is
 * alive (an admin before their second factor included: the enrolment page needs to know who it is).
 */
export async function sessionEchoAllowed(): Promise<boolean> {
  const { resolved } = await resolveRequest();
  return resolved.status !== "ended";
}
