import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface User {
    role?: Role;
    locale?: "en" | "id";
  }
  interface Session {
    user: { id: string; role: Role; locale: "en" | "id"; name: string; email: string };
  }
}

/**
 * The provider-free part of the Auth.js config, shared by the proxy (which only reads the session
 * cookie to redirect) and the full config in ./index.ts.
 */
export function authConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 7 },
    pages: { signIn: "/sign-in" },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.locale = user.locale;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.sub!,
          role: token.role as Role,
          locale: (token.locale as "en" | "id") ?? "en",
          name: session.user?.name ?? "",
          email: session.user?.email ?? "",
        };
        return session;
      },
    },
  };
}
