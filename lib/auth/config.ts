import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";
import { authLogger } from "./auth-logger";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface User {
    role?: Role;
    locale?: "en" | "id";
    /** The server-side session row (user_sessions) and the user's session version at sign-in. */
    sid?: string;
    sv?: number;
  }
  interface Session {
    user: { id: string; role: Role; locale: "en" | "id"; name: string; email: string; sid?: string; sv?: number };
  }
}

/** The JWT cookie's lifetime. The server-side session (lib/auth/sessions.ts) can end it earlier. */
export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 7;

/**
 * The provider-free part of the Auth.js config, shared by the proxy (which only reads the session
 * cookie to redirect) and the full config in ./index.ts.
 */
export function authConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    // One line per refused sign-in instead of an error with a stack trace (./auth-logger.ts).
    logger: authLogger,
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.locale = user.locale;
          token.sid = user.sid;
          token.sv = user.sv;
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
          sid: typeof token.sid === "string" ? token.sid : undefined,
          sv: typeof token.sv === "number" ? token.sv : undefined,
        };
        return session;
      },
    },
  };
}
