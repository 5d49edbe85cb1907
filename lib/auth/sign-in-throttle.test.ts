import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, notifications, signInAttempts } from "@/db/schema";
import { advanceNow, setNow } from "@/lib/clock";
import { anonymousCtx } from "@/lib/context";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { PEER_ADDRESS_HEADER } from "./client-ip";
import { requestContextFromHeaders } from "./request-context";
import {
  accountDelayMs,
  MAX_ACCOUNT_DELAY_MS,
  MAX_FAILURES_PER_IP,
  MAX_FAILURES_PER_PAIR,
  throttleWaitMs,
  verifyCredentials,
} from "./sign-in";

type Outcome = { ok: boolean; code?: string };
const attempt = (email: string, ip: string, password = "wrong-password-1"): Promise<Outcome> =>
  verifyCredentials({ ctx: anonymousCtx({ ip }), input: { email, password } }).then(
    () => ({ ok: true }),
    (e) => ({ ok: false, code: e.code as string }),
  );

describe("sign-in throttle", () => {
  it("during an attack from many addresses the owner still signs in from their own; the attacker's pair is throttled", async () => {
    setNow("2026-06-01T08:00:00Z");
    const email = "owner@test.lumbung";
    await createTestUser("lender", { email });
    // The owner signed in from home last week.
    expect((await attempt(email, "192.0.2.50", TEST_PASSWORD)).ok).toBe(true);
    advanceNow(7 * 24 * 3600_000);

    // One attacker address guesses three times (the account is not under pressure yet) …
    for (let i = 0; i < 3; i++) expect(await attempt(email, "198.51.100.1")).toEqual({ ok: false, code: "invalid_credentials" });
    // … then 40 more addresses guess once each: 43 failures in the hour.
    for (let i = 0; i < 40; i++) expect((await attempt(email, `203.0.113.${i + 1}`)).code).toBe("invalid_credentials");

    // The attacker's repeat address is slowed (even with the right password, it gets no verdict) …
    expect(await attempt(email, "198.51.100.1", TEST_PASSWORD)).toEqual({ ok: false, code: "rate_limited" });
    // … while the owner gets in at once from home, and from a new address on a first try.
    expect((await attempt(email, "192.0.2.50", TEST_PASSWORD)).ok).toBe(true);
    expect((await attempt(email, "192.0.2.77", TEST_PASSWORD)).ok).toBe(true);

    // A delay, not a stop: past the (capped) delay the attacker's address is judged again.
    advanceNow(MAX_ACCOUNT_DELAY_MS);
    expect((await attempt(email, "198.51.100.1")).code).toBe("invalid_credentials");
    expect((await attempt(email, "198.51.100.1")).code).toBe("rate_limited");
  });

  it("five failures lock only that (account, address) pair, not the owner elsewhere (the old lockout)", async () => {
    setNow("2026-06-02T08:00:00Z");
    const email = "victim@test.lumbung";
    await createTestUser("lender", { email });
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) expect((await attempt(email, "198.51.100.2")).code).toBe("invalid_credentials");
    expect((await attempt(email, "198.51.100.2", TEST_PASSWORD)).code).toBe("rate_limited");
    // Five failures from five addresses used to lock the email everywhere; the owner now gets in.
    for (let i = 0; i < 5; i++) await attempt(email, `198.51.100.${10 + i}`);
    expect((await attempt(email, "192.0.2.60", TEST_PASSWORD)).ok).toBe(true);
    // The locked pair frees itself after 15 minutes.
    advanceNow(15 * 60_000 + 1000);
    expect((await attempt(email, "198.51.100.2", TEST_PASSWORD)).ok).toBe(true);
  });

  it("limits one address trying many accounts", async () => {
    setNow("2026-06-03T08:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) expect((await attempt(`guess${i}@test.lumbung`, "198.18.0.1")).code).toBe("invalid_credentials");
    expect((await attempt("guess-next@test.lumbung", "198.18.0.1")).code).toBe("rate_limited");
    expect((await attempt("guess-next@test.lumbung", "198.18.0.2")).code).toBe("invalid_credentials");
  });

  it("a rotating X-Forwarded-For from an untrusted peer is still one address for the limiter", async () => {
    setNow("2026-06-04T08:00:00Z");
    const viaServer = (i: number) =>
      anonymousCtx(
        requestContextFromHeaders(new Headers({ [PEER_ADDRESS_HEADER]: "198.18.5.5", "x-forwarded-for": `10.${i >> 8}.${i & 255}.1` })),
      );
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const ctx = viaServer(i);
      expect(ctx.request?.ip).toBe("198.18.5.5");
      const err = await verifyCredentials({ ctx, input: { email: `spray${i}@test.lumbung`, password: "whatever-123" } }).catch((e) => e);
      expect(err.code).toBe("invalid_credentials");
    }
    const err = await verifyCredentials({ ctx: viaServer(999), input: { email: "spray-x@test.lumbung", password: "whatever-123" } }).catch((e) => e);
    expect(err.code).toBe("rate_limited");
  });

  // Issue 12 (auth slice): the check and the record were read-then-write without a lock, so parallel
  // wrong attempts all read "4 failures so far" and all went on to test a password. On PostgreSQL these
  // run on separate connections at once; on PGlite (one connection) they run one after another.
  it("parallel wrong attempts on one account from one address cannot exceed the pair limit", async () => {
    setNow("2026-06-04T09:00:00Z");
    const email = "parallel@test.lumbung";
    await createTestUser("lender", { email });
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => attempt(email, "198.51.100.77")));
    expect(outcomes.filter((o) => o.code === "invalid_credentials")).toHaveLength(MAX_FAILURES_PER_PAIR);
    expect(outcomes.filter((o) => o.code === "rate_limited")).toHaveLength(12 - MAX_FAILURES_PER_PAIR);
    const rows = await getDb().select().from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(rows).toHaveLength(MAX_FAILURES_PER_PAIR);
  });

  it("parallel attempts on many accounts from one address cannot exceed the per-IP limit", async () => {
    setNow("2026-06-04T10:00:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_IP + 10 }, (_, i) => attempt(`parallel-spray${i}@test.lumbung`, "198.18.9.9")),
    );
    expect(outcomes.filter((o) => o.code === "invalid_credentials")).toHaveLength(MAX_FAILURES_PER_IP);
    expect(outcomes.filter((o) => o.code === "rate_limited")).toHaveLength(10);
  });

  it("tells the owner once when their account sees a burst of failures, and records it", async () => {
    setNow("2026-06-05T08:00:00Z");
    const email = "noted@test.lumbung";
    const { user } = await createTestUser("borrower", { email });
    for (let i = 0; i < 14; i++) await attempt(email, `203.0.114.${i + 1}`);
    const notes = await getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "sign_in_failures_burst")));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.params).toEqual({ count: 10 });
    const recorded = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "sign_in_failures_burst")));
    expect(recorded).toHaveLength(1);
  });
});

describe("throttleWaitMs", () => {
  const at = new Date("2026-06-06T08:00:00Z");
  const quiet = {
    ipFailures: 0,
    ipOldestFailure: null,
    pairTrusted: false,
    pairFailures: 0,
    pairOldestFailure: null,
    pairFailuresInHour: 0,
    pairLastFailure: null,
    accountFailures: 0,
    accountLastFailure: null,
  };

  it("grows the account delay from 1 s, doubling, capped at 15 minutes", () => {
    expect([9, 10, 11, 12, 20, 40].map(accountDelayMs)).toEqual([0, 1000, 2000, 4000, MAX_ACCOUNT_DELAY_MS, MAX_ACCOUNT_DELAY_MS]);
  });

  it("measures a noisy pair from the account's last failure and a quiet one from its own", () => {
    const last = new Date(at.getTime() - 500);
    const pressure = { ...quiet, accountFailures: 12, accountLastFailure: last };
    expect(throttleWaitMs({ ...pressure, pairFailuresInHour: 3, pairLastFailure: last }, at)).toBe(3500);
    expect(throttleWaitMs(pressure, at)).toBe(0);
    expect(throttleWaitMs({ ...pressure, pairFailuresInHour: 1, pairLastFailure: new Date(at.getTime() - 10_000) }, at)).toBe(0);
    expect(throttleWaitMs({ ...pressure, pairFailuresInHour: 5, pairLastFailure: last, pairTrusted: true }, at)).toBe(0);
  });
});
