import "server-only";
import { and, count, eq, gt, or } from "drizzle-orm";
import { signInAttempts, type User } from "@/db/schema";
import { now } from "@/lib/clock";
import { withTransaction, type Ctx } from "@/lib/context";
import { DomainError, parseInput, RateLimited } from "@/lib/errors";
import { track } from "@/lib/engagement/track";
import { dummyPasswordHash, verifyPassword } from "./password";
import { SignInInput } from "./schemas";
import { findUserByEmail } from "./users";

export const SIGN_IN_WINDOW_MS = 60_000;
export const MAX_FAILURES_PER_WINDOW = 5;

export class InvalidCredentials extends DomainError {
  constructor() {
    // One message for an unknown email and a wrong password: it must not tell which.
    super("invalid_credentials", "The email or password is incorrect.", 401);
  }
}

/**
 * Checks an email and password. Failed attempts are counted per email and per IP over the last
 * minute; past the limit every attempt is refused until the window passes, right password or not.
 */
export async function verifyCredentials({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<User> {
  const { email, password } = parseInput(SignInInput, input);
  const ip = ctx.request?.ip ?? "unknown";
  return withTransaction(ctx, async (tx) => {
    const since = new Date(now().getTime() - SIGN_IN_WINDOW_MS);
    const [{ failures } = { failures: 0 }] = await tx
      .select({ failures: count() })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.succeeded, "no"),
          gt(signInAttempts.occurredAt, since),
          or(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)),
        ),
      );
    if (failures >= MAX_FAILURES_PER_WINDOW) throw new RateLimited();

    const user = await findUserByEmail(tx, email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    await tx.insert(signInAttempts).values({ email, ip, succeeded: ok && user ? "yes" : "no", occurredAt: now() });
    if (!ok || !user) return null;
    await track(tx, {
      name: "user_signed_in",
      userId: user.id,
      anonymousId: ctx.request?.anonymousId,
      properties: { role: user.role },
      context: ctx.request,
    });
    return user;
  }).then((user) => {
    // The failed attempt is committed above before we refuse, so it counts towards the limit.
    if (!user) throw new InvalidCredentials();
    return user;
  });
}

export const ROLE_HOME = { lender: "/lender", borrower: "/borrower", admin: "/admin" } as const;

/** Where a user lands after signing in: the page they asked for if it is theirs, else their dashboard. */
export function landingFor(role: keyof typeof ROLE_HOME, callbackUrl: string | undefined): string {
  const home = ROLE_HOME[role];
  if (!callbackUrl || callbackUrl === "/" || callbackUrl.startsWith("/sign-")) return home;
  const area = Object.values(ROLE_HOME).find((h) => callbackUrl === h || callbackUrl.startsWith(`${h}/`));
  if (area && area !== home) return home;
  return callbackUrl;
}
