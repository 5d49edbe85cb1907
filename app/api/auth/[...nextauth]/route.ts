import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { sessionEchoAllowed } from "@/lib/auth/session";

/**
 * Auth.js's routes. GET /api/auth/session would echo the JWT's name and email for any validly
 * signed cookie; a cookie whose server-side session has ended (signed out, signed out everywhere,
 * password changed elsewhere, suspended, role changed) gets the signed-out answer (`null`) instead.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.replace(/\/+$/, "").endsWith("/api/auth/session") && !(await sessionEchoAllowed())) {
    return Response.json(null, { headers: { "cache-control": "private, no-cache, no-store" } });
  }
  return handlers.GET(request);
}

export const { POST } = handlers;
