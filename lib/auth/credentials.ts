import "server-only";
import { getDb } from "@/db";
import { anonymousCtx } from "@/lib/context";
import { identify, track } from "@/lib/engagement";
import { verifyCredentials } from "./sign-in";
import { requestContextFromHeaders } from "./request-context";
import { checkSecondFactorAtSignIn } from "./second-factor";
import { AccountSuspended, startSession } from "./internal/sessions";

type HeaderBag = { get(name: string): string | null };

/** What the JWT is made from once a sign-in has completed. */
export type SignedInUser = { id: string; email: string; name: string; role: "lender" | "borrower" | "admin"; locale: "en" | "id"; sid: string; sv: number };

/**
 * The Credentials provider's `authorize`: the password (under the throttle, ./sign-in.ts), then
 * suspension, then the second factor (./second-factor.ts), then a server-side session
 * (./internal/sessions.ts). `user_signed_in` is recorded with the session, in its transaction, so it
 * means a completed sign-in — never a password accepted while the code is still to come. Throws the
 * DomainError that refused the sign-in.
 */
export async function authorizeSignIn(credentials: Partial<Record<string, unknown>>, headers: HeaderBag): Promise<SignedInUser> {
  const request = requestContextFromHeaders(headers);
  const user = await verifyCredentials({ ctx: anonymousCtx(request), input: { email: credentials.email, password: credentials.password } });
  if (user.suspendedAt) throw new AccountSuspended();
  const code = typeof credentials.code === "string" && credentials.code.trim() ? credentials.code : undefined;
  const secondFactor = await checkSecondFactorAtSignIn(user.id, code, request);
  const { sid, sv } = await getDb().transaction(async (tx) => {
    const session = await startSession(tx, { userId: user.id, request, secondFactor });
    await track(tx, {
      name: "user_signed_in",
      userId: user.id,
      anonymousId: request.anonymousId,
      properties: { role: user.role, secondFactor },
      context: request,
    });
    await identify(tx, { anonymousId: request.anonymousId, userId: user.id });
    return session;
  });
  return { id: user.id, email: user.email, name: user.fullName, role: user.role, locale: user.locale, sid, sv };
}
