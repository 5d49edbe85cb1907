import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { anonymousCtx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { authConfig } from "./config";
import { verifyCredentials } from "./sign-in";
import { requestContextFromHeaders } from "./request-context";

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
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const user = await verifyCredentials({
            ctx: anonymousCtx(requestContextFromHeaders(request.headers)),
            input: credentials,
          });
          return { id: user.id, email: user.email, name: user.fullName, role: user.role, locale: user.locale };
        } catch (e) {
          if (e instanceof DomainError) throw new SignInRefused(e.code);
          throw e;
        }
      },
    }),
  ],
}));

export const { handlers, auth, signIn, signOut } = nextAuth;
