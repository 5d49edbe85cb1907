import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { userCtx, anonymousCtx, type Ctx, type UserActor } from "@/lib/context";
import { syncClock } from "@/lib/system/time-machine";
import { auth } from "./index";
import { requestContextFromHeaders } from "./request-context";

/**
 * The Ctx for the current request: the signed-in user (from the signed session cookie) or anonymous.
 * Cached per request. Authorization itself happens in each verb and query (requireRole).
 */
export const getRequestCtx = cache(async (): Promise<Ctx> => {
  const [session, h] = await Promise.all([auth(), headers()]);
  await syncClock();
  const request = requestContextFromHeaders(h);
  const user = session?.user;
  if (user?.id && user.role) return userCtx(user.id, user.role, request);
  return anonymousCtx(request);
});

/**
 * For area layouts and pages: signed-out visitors go to sign-in, a signed-in user of another role
 * gets 403. This only shapes navigation; the data layer checks again.
 */
export async function requirePageRole(role: Role, returnTo: string): Promise<{ ctx: Ctx; actor: UserActor }> {
  const ctx = await getRequestCtx();
  if (ctx.actor.type !== "user") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (ctx.actor.role !== role) forbidden();
  return { ctx, actor: ctx.actor };
}
