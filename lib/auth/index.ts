import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DomainError } from "@/lib/errors";
import { authConfig } from "./config";
import { authorizeSignIn } from "./credentials";

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
          return await authorizeSignIn(credentials, request.headers);
        } catch (e) {
          if (e instanceof DomainError) throw new SignInRefused(e.code);
          throw e;
        }
      },
    }),
  ],
}));

export const { handlers, auth, signIn, signOut } = nextAuth;
