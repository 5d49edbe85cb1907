import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { ANONYMOUS_ID_COOKIE, FIRST_TOUCH_COOKIE } from "@/lib/auth/cookie-names";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { forwardedHeadersTrusted } from "@/lib/auth/request-context";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/security/headers";
import { guardPageMutation } from "@/lib/security/request-guard";

const { auth } = NextAuth(() => authConfig());

const PRIVATE_AREAS = ["/lender", "/borrower", "/admin"];
const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Navigation only: signed-out visitors to a private area go to sign-in and come back after.
 * Authorization is enforced again in the data layer for every read and write.
 * Also gives every visitor an anonymous id and keeps the UTM parameters of their first visit.
 */
const withAuth = auth((req) => {
  const { pathname, search, searchParams } = req.nextUrl;
  const isPrivate = PRIVATE_AREAS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  let response: NextResponse;
  if (isPrivate && !req.auth?.user) {
    const url = new URL("/sign-in", req.nextUrl.origin);
    url.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(url);
  } else {
    // Passes the request headers on, with the CSP nonce that withSecurity put there for the renderer.
    response = NextResponse.next({ request: { headers: req.headers } });
  }
  if (!req.cookies.get(ANONYMOUS_ID_COOKIE)) {
    response.cookies.set(ANONYMOUS_ID_COOKIE, crypto.randomUUID(), { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: true });
  }
  if (!req.cookies.get(FIRST_TOUCH_COOKIE)) {
    const touch: Record<string, string> = {};
    const source = searchParams.get("utm_source");
    const medium = searchParams.get("utm_medium");
    const campaign = searchParams.get("utm_campaign");
    if (source) touch.source = source.slice(0, 200);
    if (medium) touch.medium = medium.slice(0, 200);
    if (campaign) touch.campaign = campaign.slice(0, 200);
    const referrer = req.headers.get("referer");
    if (referrer && !referrer.startsWith(req.nextUrl.origin)) touch.referrer = referrer.slice(0, 200);
    if (Object.keys(touch).length > 0) {
      touch.landingPage = pathname;
      response.cookies.set(FIRST_TOUCH_COOKIE, JSON.stringify(touch), { path: "/", maxAge: 60 * 60 * 24 * 90, sameSite: "lax", httpOnly: true });
    }
  }
  return response;
});

// With a lazily built config, Auth.js hands back the wrapped handler as a promise.
type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = (await (withAuth as unknown as Promise<Handler> | Handler)) as Handler;
  return withSecurity(request, () => handler(request, event));
}

/**
 * Security around every page request (lib/security): unsafe requests that Next.js would answer with a
 * 500 (foreign Origin, oversized or malformed server-action bodies) get their 4xx here; everything else
 * gets a per-request CSP nonce (in the request's CSP header, where Next.js reads it while rendering)
 * and the security headers on the response.
 */
async function withSecurity(request: NextRequest, next: () => Promise<Response>): Promise<Response> {
  const e = env();
  const https = e.publicUrl.startsWith("https://") || request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy({ nonce: createNonce(), https, dev: e.NODE_ENV === "development" });
  const headers = securityHeaders({ csp, https });
  const trustForwarded = forwardedHeadersTrusted(request.headers);
  if (!trustForwarded) {
    // Forwarded host and protocol from anyone but a trusted proxy are the client's say-so: what
    // Next.js (its server-action Origin check) and Auth.js (its URLs) read is replaced by what this
    // server actually received.
    const host = request.headers.get("host");
    if (host) request.headers.set("x-forwarded-host", host);
    else request.headers.delete("x-forwarded-host");
    // scripts/server.mjs (which writes the peer header) speaks plain HTTP; TLS is a proxy's job.
    const proto = request.headers.has(PEER_ADDRESS_HEADER) ? "http" : request.nextUrl.protocol.replace(/:$/, "");
    request.headers.set("x-forwarded-proto", proto);
  }
  let response = await guardPageMutation(request, { trustForwarded });
  if (!response) {
    request.headers.set("content-security-policy", csp);
    response = await next();
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|sw.js|.*\\.(?:png|jpg|svg|ico|webmanifest)$).*)"],
};
