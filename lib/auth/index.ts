import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { anonymousCtx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { authConfig } from "./config";
import { verifyCredentials } from "./sign-in";
import { requestContextFromHeaders } from "./request-context";
import { checkSecondFactorAtSignIn } from "./second-factor";
import { AccountSuspended, startSession } from "./internal/sessions";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const nextAuth = NextAuth(() => ({
  ...authConfig(),
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        try {
          const requestCtx = requestContextFromHeaders(request.headers);
          const user = await verifyCredentials({
            ctx: anonymousCtx(requestCtx),
            input: { email: credentials.email, password: credentials.password },
          });
          // After the password: suspension, the second factor, then a server-side session (sessions.ts).
          if (user.suspendedAt) throw new AccountSuspended();
          const code = typeof credentials.code === "string" && credentials.code.trim() ? credentials.code : undefined;
          const secondFactor = await checkSecondFactorAtSignIn(user.id, code, requestCtx);
          const { sid, sv } = await startSession(getDb(), { userId: user.id, request: requestCtx, secondFactor });
          return { id: user.id, email: user.email, name: user.fullName, role: user.role, locale: user.locale, sid, sv };
        } catch (e) {
          if (e instanceof DomainError) throw new SignInRefused(e.code);
          throw e;
        }
      },
    }),
  ],
}));

export const { handlers, auth, signIn, signOut } = nextAuth;
