import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, users } from "@/db/schema";
import { advanceNow, setNow } from "@/lib/clock";
import { userCtx, type Ctx } from "@/lib/context";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { resetEnvForTests } from "@/lib/env";
import { reactivateUser, suspendUser } from "@/lib/system/user-suspension";
import { addBankAccount, removeBankAccount, requestWithdrawal } from "@/lib/wallet";
import { saveBankAccount, topUpThroughSandbox } from "@/lib/wallet/test-helpers";
import { verifyPassword } from "./password";
import { changePassword, endSession, reauthenticate, signOutEverywhere } from "./sessions";
import { resolveSession, startSession, type ResolvedSession } from "./internal/sessions";

process.env.PAYMENT_WEBHOOK_SECRET ??= "sessions-test-secret-0123456789";

/** Signs a user in on one "device": the server-side session and the claims its JWT would carry. */
async function signInDevice(user: { id: string; role: "lender" | "borrower" | "admin" }) {
  const { sid, sv } = await startSession(getDb(), { userId: user.id, request: { ip: "192.0.2.50" }, secondFactor: false });
  return { sub: user.id, sid, sv, role: user.role };
}
type Claims = Awaited<ReturnType<typeof signInDevice>>;

const resolve = (claims: Claims) => resolveSession(getDb(), claims);
async function ctxOf(claims: Claims): Promise<Ctx> {
  const resolved = await resolve(claims);
  if (resolved.status !== "active") throw new Error(`session ${resolved.status}`);
  return { actor: resolved.actor, request: { ip: "192.0.2.50" } };
}
const ended = (reason: string): ResolvedSession => ({ status: "ended", reason } as ResolvedSession);

beforeEach(() => setNow("2026-09-01T02:00:00Z"));

async function inDemoMode(on: boolean, fn: () => Promise<void>) {
  const saved = { DEMO_MODE: process.env.DEMO_MODE, DEMO_MODE_ON_POSTGRES: process.env.DEMO_MODE_ON_POSTGRES };
  process.env.DEMO_MODE = String(on);
  // Demo mode on PostgreSQL needs this acknowledgement (issue 12, item 9).
  if (on) process.env.DEMO_MODE_ON_POSTGRES = "i-understand";
  resetEnvForTests();
  try {
    await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
  }
}

describe("server-side sessions", () => {
  it("resolves a fresh token to its user and refuses forged or unknown claims", async () => {
    const { user } = await createTestUser("lender");
    const claims = await signInDevice(user);
    const r = await resolve(claims);
    expect(r.status).toBe("active");
    expect(r.status === "active" && r.actor).toMatchObject({ userId: user.id, role: "lender", session: { id: claims.sid } });
    expect(await resolve({ ...claims, sid: "not-a-uuid" })).toEqual(ended("missing"));
    expect(await resolve({ ...claims, sid: crypto.randomUUID() })).toEqual(ended("missing"));
    const other = await createTestUser("lender");
    expect(await resolve({ ...claims, sub: other.user.id })).toEqual(ended("missing"));
    // A token from before server-side sessions (no sid/sv) is signed out.
    expect(await resolveSession(getDb(), { sub: user.id, role: "lender" })).toEqual(ended("missing"));
  });

  it("sign-out ends this session only; the old token can no longer read the wallet, other devices stay", async () => {
    const { user } = await createTestUser("lender");
    const laptop = await signInDevice(user);
    const phone = await signInDevice(user);
    await endSession({ ctx: await ctxOf(laptop) });
    expect(await resolve(laptop)).toEqual(ended("revoked"));
    expect((await resolve(phone)).status).toBe("active");
    const [event] = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "user_signed_out")));
    expect(event).toBeDefined();
  });

  it("sign out everywhere ends every session, this one included", async () => {
    const { user } = await createTestUser("borrower");
    const a = await signInDevice(user);
    const b = await signInDevice(user);
    await signOutEverywhere({ ctx: await ctxOf(a) });
    expect((await resolve(a)).status).toBe("ended");
    expect((await resolve(b)).status).toBe("ended");
    // Signing in again afterwards works.
    expect((await resolve(await signInDevice(user))).status).toBe("active");
  });

  it("a password change ends every other session, keeps this one, and the new password works", async () => {
    const { user } = await createTestUser("lender");
    const here = await signInDevice(user);
    const elsewhere = await signInDevice(user);
    const ctx = await ctxOf(here);
    const wrong = await changePassword({ ctx, input: { currentPassword: "not-my-password", newPassword: "a-new-secret-99", confirmPassword: "a-new-secret-99" } }).catch((e) => e);
    expect(wrong).toMatchObject({ status: 400, fields: { currentPassword: "wrongPassword" } });
    const mismatch = await changePassword({ ctx, input: { currentPassword: TEST_PASSWORD, newPassword: "a-new-secret-99", confirmPassword: "a-new-secret-98" } }).catch((e) => e);
    expect(mismatch).toMatchObject({ status: 400, fields: { confirmPassword: "passwordsDiffer" } });
    expect((await resolve(elsewhere)).status).toBe("active");

    await changePassword({ ctx, input: { currentPassword: TEST_PASSWORD, newPassword: "a-new-secret-99", confirmPassword: "a-new-secret-99" } });
    expect(await resolve(elsewhere)).toEqual(ended("revoked"));
    expect((await resolve(here)).status).toBe("active");
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, "a-new-secret-99")).toBe(true);
    expect(await verifyPassword(row!.passwordHash, TEST_PASSWORD)).toBe(false);
  });

  it("an admin suspension ends every session at once and blocks sign-in until reactivated", async () => {
    const { user } = await createTestUser("lender");
    const admin = await createTestUser("admin");
    const device = await signInDevice(user);
    await suspendUser({ ctx: admin.ctx, input: { userId: user.id } });
    expect((await resolve(device)).status).toBe("ended");
    await expect(startSession(getDb(), { userId: user.id, secondFactor: false })).rejects.toMatchObject({ code: "account_suspended", status: 403 });
    await expect(suspendUser({ ctx: admin.ctx, input: { userId: user.id } })).rejects.toMatchObject({ code: "user_already_suspended" });

    await reactivateUser({ ctx: admin.ctx, input: { userId: user.id } });
    // The old session stays ended; a new sign-in works.
    expect((await resolve(device)).status).toBe("ended");
    expect((await resolve(await signInDevice(user))).status).toBe("active");
    const names = (await getDb().select().from(events).where(eq(events.userId, user.id))).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["user_suspended", "user_reactivated"]));
  });

  it("only admins suspend, and never themselves", async () => {
    const { user, ctx } = await createTestUser("lender");
    const admin = await createTestUser("admin");
    await expect(suspendUser({ ctx, input: { userId: admin.user.id } })).rejects.toMatchObject({ status: 403 });
    await expect(suspendUser({ ctx: admin.ctx, input: { userId: admin.user.id } })).rejects.toMatchObject({ status: 403 });
    await expect(suspendUser({ ctx: admin.ctx, input: { userId: "nope" } })).rejects.toMatchObject({ status: 400 });
    await expect(suspendUser({ ctx: admin.ctx, input: { userId: crypto.randomUUID() } })).rejects.toMatchObject({ status: 404 });
    expect(user.suspendedAt).toBeNull();
  });

  it("a role change signs the old token out", async () => {
    const { user } = await createTestUser("lender");
    const device = await signInDevice(user);
    await getDb().update(users).set({ role: "borrower" }).where(eq(users.id, user.id));
    expect(await resolve(device)).toEqual(ended("role"));
  });

  it("an admin outside demo mode must set up a second factor before the session counts; in demo mode not", async () => {
    const admin = await createTestUser("admin");
    const claims = await signInDevice(admin.user);
    await inDemoMode(true, async () => expect((await resolve(claims)).status).toBe("active"));
    await inDemoMode(false, async () => {
      expect((await resolve(claims)).status).toBe("second_factor_setup");
      const passed = await startSession(getDb(), { userId: admin.user.id, secondFactor: true });
      expect((await resolve({ ...claims, ...passed })).status).toBe("active");
    });
  });
});

describe("re-authentication before money leaves", () => {
  it("fresh → ok; 16 minutes later → reauth_required; after the password again → ok", async () => {
    const { user, ctx: setup } = await createTestUser("lender");
    await topUpThroughSandbox(setup, 2_000_000n);
    const bank = await saveBankAccount(setup);
    const device = await signInDevice(user);

    await requestWithdrawal({ ctx: await ctxOf(device), input: { bankAccountId: bank.id, amount: "100000" } });

    advanceNow(16 * 60_000);
    const stale = await ctxOf(device);
    for (const attempt of [
      requestWithdrawal({ ctx: stale, input: { bankAccountId: bank.id, amount: "100000" } }),
      addBankAccount({ ctx: stale, input: { bankCode: "BNI", accountNumber: "5555555555", holderName: "Sari Lestari" } }),
      removeBankAccount({ ctx: stale, input: { id: bank.id } }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: "reauth_required", status: 403 });
    }

    const wrong = await reauthenticate({ ctx: stale, input: { password: "not-my-password" } }).catch((e) => e);
    expect(wrong).toMatchObject({ status: 400, fields: { password: "wrongPassword" } });
    await reauthenticate({ ctx: stale, input: { password: TEST_PASSWORD } });
    const fresh = await ctxOf(device);
    await requestWithdrawal({ ctx: fresh, input: { bankAccountId: bank.id, amount: "100000" } });
    await addBankAccount({ ctx: fresh, input: { bankCode: "BNI", accountNumber: "5555555555", holderName: "Sari Lestari" } });
  });

  it("fails closed for a user actor without a session, and limits wrong passwords", async () => {
    const { user } = await createTestUser("lender");
    await expect(addBankAccount({ ctx: userCtx(user.id, "lender"), input: { bankCode: "BNI", accountNumber: "5555555555", holderName: "Sari" } })).rejects.toMatchObject({ code: "reauth_required" });
    const ctx = await ctxOf(await signInDevice(user));
    for (let i = 0; i < 5; i++) await reauthenticate({ ctx, input: { password: "wrong-wrong" } }).catch(() => {});
    await expect(reauthenticate({ ctx, input: { password: TEST_PASSWORD } })).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });

  it("re-auth does not revive an ended session", async () => {
    const { user } = await createTestUser("lender");
    const device = await signInDevice(user);
    const ctx = await ctxOf(device);
    await endSession({ ctx });
    await expect(reauthenticate({ ctx, input: { password: TEST_PASSWORD } })).rejects.toMatchObject({ status: 401 });
  });
});
