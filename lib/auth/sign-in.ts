import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications, signInAttempts, type User } from "@/db/schema";
import { now } from "@/lib/clock";
import { allowAnonymous, withTransaction, type Ctx } from "@/lib/context";
import { DomainError, parseInput, RateLimited } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { notify } from "@/lib/notifications";
import { dummyPasswordHash, verifyPassword } from "./password";
import { safeRedirectPath } from "./safe-redirect";
import { SignInInput } from "./schemas";
import { findUserByEmail } from "./internal/users";

/**
 * Sign-in throttling. Every attempt is a row in sign_in_attempts (email, IP, succeeded, time). The
 * rules, checked in this order before the password is looked at (a refused attempt is not recorded):
 *
 * 1. Per IP, across accounts: 30 failures in 15 minutes from one IP → refused until they age out.
 * 2. Per (account, IP) pair: 5 failures in 15 minutes since the pair's last success → refused until
 *    they age out. This is what stops one attacker at one address.
 * 3. Per account, across IPs, a growing delay instead of a stop: once the account has 10 or more
 *    failures in the last hour ("under pressure"), an attempt must come at least
 *    min(2^(failures − 10) s, 15 min) after the last failure it is measured from:
 *    - a pair with a successful sign-in in the last 30 days (the owner's usual address) is exempt;
 *    - a "quiet" pair (fewer than 3 failures in the hour since its last success) is measured from its
 *      own last failure, so its first attempt always goes through and what other addresses do
 *      cannot block it;
 *    - any other pair is measured from the account's last failure from anywhere: an attacker who
 *      keeps failing shares one slowing lane.
 *    So the owner is never locked out by someone else: from a known address not at all, from a new
 *    address only by their own failures. The price: an attacker with many addresses gets about 3
 *    guesses per address per hour on one account (and 30 per 15 minutes per address overall); the
 *    password policy (./password-policy.ts) keeps those guesses from being the common ones.
 * 4. When the account reaches 10 failures in an hour, its owner gets an in-app notification (at most
 *    one a day) and a `sign_in_failures_burst` event is recorded.
 *
 * Check and record are one critical section: the attempt's transaction first takes transaction-level
 * advisory locks on the account (its email) and then on the IP, always in that order, so parallel
 * attempts on one account or from one address are judged one after another, each seeing the rows the
 * previous one committed (READ COMMITTED takes a fresh snapshot per statement). Taking the IP lock
 * last, and nothing after it, keeps the two orders from deadlocking.
 */
const MINUTE = 60_000;
export const IP_WINDOW_MS = 15 * MINUTE;
export const MAX_FAILURES_PER_IP = 30;
export const PAIR_WINDOW_MS = 15 * MINUTE;
export const MAX_FAILURES_PER_PAIR = 5;
export const ACCOUNT_WINDOW_MS = 60 * MINUTE;
export const ACCOUNT_PRESSURE_FAILURES = 10;
export const MAX_ACCOUNT_DELAY_MS = 15 * MINUTE;
export const QUIET_PAIR_FAILURES = 3;
export const TRUSTED_PAIR_MS = 30 * 24 * 60 * MINUTE;
const BURST_NOTE_EVERY_MS = 24 * 60 * MINUTE;
/** Advisory-lock namespaces (the two-key form: namespace, hashtext(key)) of the throttle. */
const LOCK_ACCOUNT = 41_001;
const LOCK_IP = 41_002;

/** Serialises attempts on this account and from this IP until the transaction ends. */
async function lockAttempt(tx: DbOrTx, email: string, ip: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_ACCOUNT}::int4, hashtext(${email}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_IP}::int4, hashtext(${ip}))`);
}

export class InvalidCredentials extends DomainError {
  constructor() {
    // One message for an unknown email and a wrong password: it must not tell which.
    super("invalid_credentials", "The email or password is incorrect.", 401);
  }
}

/** What the throttle knows about an attempt, read from sign_in_attempts. */
export type AttemptHistory = {
  ipFailures: number;
  ipOldestFailure: Date | null;
  pairTrusted: boolean;
  pairFailures: number;
  pairOldestFailure: Date | null;
  pairFailuresInHour: number;
  pairLastFailure: Date | null;
  accountFailures: number;
  accountLastFailure: Date | null;
};

export function accountDelayMs(accountFailures: number): number {
  if (accountFailures < ACCOUNT_PRESSURE_FAILURES) return 0;
  return Math.min(2 ** (accountFailures - ACCOUNT_PRESSURE_FAILURES) * 1000, MAX_ACCOUNT_DELAY_MS);
}

/** The rules above as a pure function: milliseconds to wait, or 0 when the attempt may go ahead. */
export function throttleWaitMs(h: AttemptHistory, at: Date): number {
  const t = at.getTime();
  if (h.ipFailures >= MAX_FAILURES_PER_IP) return Math.max(1000, (h.ipOldestFailure?.getTime() ?? t) + IP_WINDOW_MS - t);
  if (h.pairFailures >= MAX_FAILURES_PER_PAIR) return Math.max(1000, (h.pairOldestFailure?.getTime() ?? t) + PAIR_WINDOW_MS - t);
  const delay = accountDelayMs(h.accountFailures);
  if (delay === 0 || h.pairTrusted) return 0;
  const from = h.pairFailuresInHour < QUIET_PAIR_FAILURES ? h.pairLastFailure : h.accountLastFailure;
  if (!from) return 0;
  return Math.max(0, from.getTime() + delay - t);
}

async function readHistory(tx: DbOrTx, email: string, ip: string, at: Date): Promise<AttemptHistory> {
  const iso = (ms: number) => new Date(at.getTime() - ms).toISOString();
  const a = signInAttempts;
  const [success] = await tx
    .select({ at: a.occurredAt })
    .from(a)
    .where(and(eq(a.email, email), eq(a.ip, ip), eq(a.succeeded, "yes"), gt(a.occurredAt, new Date(at.getTime() - TRUSTED_PAIR_MS))))
    .orderBy(desc(a.occurredAt))
    .limit(1);
  // The pair's failures count only after its last success.
  const pairSince = (ms: number) =>
    success ? sql`greatest(${iso(ms)}::timestamptz, ${success.at.toISOString()}::timestamptz)` : sql`${iso(ms)}::timestamptz`;
  const failed = sql`${a.succeeded} = 'no'`;
  const pair = (ms: number) => sql`${failed} and ${a.ip} = ${ip} and ${a.occurredAt} > ${pairSince(ms)}`;
  const [account] = await tx
    .select({
      accountFailures: sql<number>`count(*) filter (where ${failed})`.mapWith(Number),
      accountLastFailure: sql`max(${a.occurredAt}) filter (where ${failed})`.mapWith(a.occurredAt),
      pairFailures: sql<number>`count(*) filter (where ${pair(PAIR_WINDOW_MS)})`.mapWith(Number),
      pairOldestFailure: sql`min(${a.occurredAt}) filter (where ${pair(PAIR_WINDOW_MS)})`.mapWith(a.occurredAt),
      pairFailuresInHour: sql<number>`count(*) filter (where ${pair(ACCOUNT_WINDOW_MS)})`.mapWith(Number),
      pairLastFailure: sql`max(${a.occurredAt}) filter (where ${pair(ACCOUNT_WINDOW_MS)})`.mapWith(a.occurredAt),
    })
    .from(a)
    .where(and(eq(a.email, email), sql`${a.occurredAt} > ${iso(ACCOUNT_WINDOW_MS)}::timestamptz`));
  const [byIp] = await tx
    .select({
      ipFailures: sql<number>`count(*)`.mapWith(Number),
      ipOldestFailure: sql`min(${a.occurredAt})`.mapWith(a.occurredAt),
    })
    .from(a)
    .where(and(eq(a.ip, ip), eq(a.succeeded, "no"), sql`${a.occurredAt} > ${iso(IP_WINDOW_MS)}::timestamptz`));
  return {
    ipFailures: byIp?.ipFailures ?? 0,
    ipOldestFailure: (byIp?.ipOldestFailure as Date | null) ?? null,
    pairTrusted: Boolean(success),
    pairFailures: account?.pairFailures ?? 0,
    pairOldestFailure: (account?.pairOldestFailure as Date | null) ?? null,
    pairFailuresInHour: account?.pairFailuresInHour ?? 0,
    pairLastFailure: (account?.pairLastFailure as Date | null) ?? null,
    accountFailures: account?.accountFailures ?? 0,
    accountLastFailure: (account?.accountLastFailure as Date | null) ?? null,
  };
}

/** Rule 4: tells the owner once a day when their account crosses the pressure threshold. */
async function noteBurst(tx: DbOrTx, ctx: Ctx, user: User, failures: number, at: Date): Promise<void> {
  if (failures !== ACCOUNT_PRESSURE_FAILURES) return;
  const [recent] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, user.id),
        eq(notifications.kind, "sign_in_failures_burst"),
        gt(notifications.createdAt, new Date(at.getTime() - BURST_NOTE_EVERY_MS)),
      ),
    )
    .limit(1);
  if (recent) return;
  await notify(tx, { userId: user.id, kind: "sign_in_failures_burst", params: { count: failures } });
  await track(tx, {
    name: "sign_in_failures_burst",
    userId: user.id,
    properties: { failuresInLastHour: failures },
    context: ctx.request,
  });
}

/**
 * Checks an email and password under the throttle above. The attempt is recorded (and committed)
 * before a wrong password is refused, so it counts. Only the first step of signing in: see
 * authorizeSignIn (./credentials.ts) for the rest.
 */
export async function verifyCredentials({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<User> {
  allowAnonymous(ctx);
  const { email, password } = parseInput(SignInInput, input);
  const ip = ctx.request?.ip ?? "unknown";
  return withTransaction(ctx, async (tx) => {
    await lockAttempt(tx, email, ip);
    const at = now();
    const history = await readHistory(tx, email, ip, at);
    const waitMs = throttleWaitMs(history, at);
    if (waitMs > 0) throw new RateLimited(undefined, Math.ceil(waitMs / 1000));

    const user = await findUserByEmail(tx, email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    const succeeded = ok && user ? "yes" : "no";
    await tx.insert(signInAttempts).values({ email, ip, succeeded, occurredAt: at });
    if (!ok || !user) {
      if (user) await noteBurst(tx, ctx, user, history.accountFailures + 1, at);
      return null;
    }
    // user_signed_in is recorded when the sign-in completes (after any second factor): ./credentials.ts.
    return user;
  }).then((user) => {
    if (!user) throw new InvalidCredentials();
    return user;
  });
}

export const ROLE_HOME = { lender: "/lender", borrower: "/borrower", admin: "/admin" } as const;

/**
 * Where a user lands after signing in: the page they asked for if it is a safe same-site path in
 * their own area (./safe-redirect.ts), else their dashboard.
 */
export function landingFor(role: keyof typeof ROLE_HOME, requested: string | undefined): string {
  const home = ROLE_HOME[role];
  const callbackUrl = safeRedirectPath(requested, "");
  if (!callbackUrl || callbackUrl === "/" || callbackUrl.startsWith("/sign-")) return home;
  const area = Object.values(ROLE_HOME).find((h) => callbackUrl === h || callbackUrl.startsWith(`${h}/`));
  if (area && area !== home) return home;
  return callbackUrl;
}
