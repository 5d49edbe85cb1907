import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog, events, userRecoveryCodes, userSessions } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { resetEnvForTests } from "@/lib/env";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { authorizeSignIn } from "./credentials";
import {
  checkSecondFactorAtSignIn,
  confirmTotpEnrolment,
  disableTotp,
  getSecondFactorStatus,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "./second-factor";
import { totp, TOTP_STEP_SECONDS } from "./totp";

beforeEach(() => setNow("2026-09-02T02:00:00Z"));

/** A code from the "phone": TOTP follows the wall clock, not the pinned test clock. */
const phoneCode = (secret: string, offsetSteps = 0) => totp(secret, Date.now() + offsetSteps * TOTP_STEP_SECONDS * 1000);

async function enrolledAdmin() {
  const admin = await createTestUser("admin");
  const { secret } = await startTotpEnrolment({ ctx: admin.ctx });
  const { recoveryCodes } = await confirmTotpEnrolment({ ctx: admin.ctx, input: { code: phoneCode(secret) } });
  return { ...admin, secret, recoveryCodes };
}

describe("admin second factor (TOTP + recovery codes)", () => {
  it("enrols with a code from the app, issues ten hashed recovery codes and marks this session", async () => {
    const admin = await createTestUser("admin");
    const { secret, uri } = await startTotpEnrolment({ ctx: admin.ctx });
    expect(uri).toMatch(/^otpauth:\/\/totp\/Lumbung%3A.+\?secret=[A-Z2-7]+&issuer=Lumbung/);
    // Reloading the page keeps the same secret until it is confirmed.
    expect((await startTotpEnrolment({ ctx: admin.ctx })).secret).toBe(secret);
    const wrong = await confirmTotpEnrolment({ ctx: admin.ctx, input: { code: phoneCode(secret, 5) } }).catch((e) => e);
    expect(wrong).toMatchObject({ status: 400, fields: { code: "secondFactorInvalid" } });

    const { recoveryCodes } = await confirmTotpEnrolment({ ctx: admin.ctx, input: { code: phoneCode(secret) } });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await getDb().select().from(userRecoveryCodes).where(eq(userRecoveryCodes.userId, admin.user.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    expect(stored[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const actor = admin.ctx.actor as { session: { id: string } };
    const [session] = await getDb().select().from(userSessions).where(eq(userSessions.id, actor.session.id));
    expect(session!.secondFactorAt).not.toBeNull();
    expect(await getSecondFactorStatus({ ctx: admin.ctx })).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    await expect(startTotpEnrolment({ ctx: admin.ctx })).rejects.toMatchObject({ code: "second_factor_enabled" });
  });

  it("is for admins only", async () => {
    const { ctx } = await createTestUser("lender");
    await expect(startTotpEnrolment({ ctx })).rejects.toMatchObject({ status: 403 });
  });

  it("at sign-in: asks for the code, refuses a wrong one as a field error, accepts a right one once", async () => {
    const { user, secret } = await enrolledAdmin();
    await expect(checkSecondFactorAtSignIn(user.id, undefined)).rejects.toMatchObject({ code: "second_factor_required" });
    await expect(checkSecondFactorAtSignIn(user.id, "000000" === phoneCode(secret) ? "111111" : "000000")).rejects.toMatchObject({
      status: 400,
      fields: { code: "secondFactorInvalid" },
    });
    const next = phoneCode(secret, 1); // a code newer than the one used at enrolment
    expect(await checkSecondFactorAtSignIn(user.id, next)).toBe(true);
    // The same code cannot be replayed.
    await expect(checkSecondFactorAtSignIn(user.id, next)).rejects.toMatchObject({ code: "second_factor_invalid" });
  });

  it("accepts each recovery code once, in any case and spacing", async () => {
    const { user, recoveryCodes } = await enrolledAdmin();
    const code = recoveryCodes[3]!;
    expect(await checkSecondFactorAtSignIn(user.id, code.toUpperCase())).toBe(true);
    await expect(checkSecondFactorAtSignIn(user.id, code)).rejects.toMatchObject({ code: "second_factor_invalid" });
  });

  it("rate-limits wrong codes (5 in 15 minutes), right code or not", async () => {
    const { user, secret } = await enrolledAdmin();
    for (let i = 0; i < 5; i++) await checkSecondFactorAtSignIn(user.id, "abcd-efgh-jkmn").catch(() => {});
    await expect(checkSecondFactorAtSignIn(user.id, phoneCode(secret, 1))).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });

  it("is not asked of users without a second factor", async () => {
    const { user } = await createTestUser("admin");
    expect(await checkSecondFactorAtSignIn(user.id, undefined)).toBe(false);
  });
});

async function inDemoMode(on: boolean, fn: () => Promise<void>) {
  const saved = { DEMO_MODE: process.env.DEMO_MODE, DEMO_MODE_ON_POSTGRES: process.env.DEMO_MODE_ON_POSTGRES };
  process.env.DEMO_MODE = String(on);
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

const auditOf = (userId: string) => getDb().select().from(adminAuditLog).where(eq(adminAuditLog.subjectId, userId));
const eventsOf = (userId: string, name: string) => getDb().select().from(events).where(and(eq(events.userId, userId), eq(events.name, name)));

describe("managing the second factor (issue 12, auth slice)", () => {
  it("regenerates the recovery codes after the password: the old ones stop working, audited", async () => {
    const { user, ctx, recoveryCodes } = await enrolledAdmin();
    await expect(regenerateRecoveryCodes({ ctx, input: { password: "not-my-password" } })).rejects.toMatchObject({ fields: { password: "wrongPassword" } });
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ ctx, input: { password: TEST_PASSWORD } });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    await expect(checkSecondFactorAtSignIn(user.id, recoveryCodes[0])).rejects.toMatchObject({ code: "second_factor_invalid" });
    expect(await checkSecondFactorAtSignIn(user.id, fresh[0])).toBe(true);
    expect(await auditOf(user.id)).toMatchObject([{ action: "user.recovery_codes_regenerated", adminId: user.id }]);
    expect(await eventsOf(user.id, "second_factor_recovery_codes_regenerated")).toHaveLength(1);
    // Not for an admin without a second factor.
    const other = await createTestUser("admin");
    await expect(regenerateRecoveryCodes({ ctx: other.ctx, input: { password: TEST_PASSWORD } })).rejects.toMatchObject({ code: "second_factor_off" });
  });

  it("outside demo mode an admin cannot turn it off (it is required)", async () => {
    await inDemoMode(false, async () => {
      const { user, ctx } = await enrolledAdmin();
      await expect(disableTotp({ ctx, input: { password: TEST_PASSWORD } })).rejects.toMatchObject({ code: "second_factor_mandatory", status: 409 });
      expect(await getSecondFactorStatus({ ctx })).toMatchObject({ enabled: true, required: true });
      expect(await auditOf(user.id)).toEqual([]);
    });
  });

  it("in demo mode turns it off after the password, audited; sign-in then needs no code", async () => {
    await inDemoMode(true, async () => {
      const { user, ctx } = await enrolledAdmin();
      await expect(disableTotp({ ctx, input: { password: "not-my-password" } })).rejects.toMatchObject({ code: "wrong_password" });
      expect((await getSecondFactorStatus({ ctx })).enabled).toBe(true);
      await disableTotp({ ctx, input: { password: TEST_PASSWORD } });
      expect(await getSecondFactorStatus({ ctx })).toMatchObject({ enabled: false, required: false, recoveryCodesLeft: 0 });
      expect(await checkSecondFactorAtSignIn(user.id, undefined)).toBe(false);
      expect(await auditOf(user.id)).toMatchObject([{ action: "user.second_factor_disabled", subjectType: "user" }]);
      expect(await eventsOf(user.id, "second_factor_disabled")).toHaveLength(1);
      await expect(disableTotp({ ctx, input: { password: TEST_PASSWORD } })).rejects.toMatchObject({ code: "second_factor_off" });
    });
  });

  it("is for admins only", async () => {
    const { ctx } = await createTestUser("lender");
    await expect(regenerateRecoveryCodes({ ctx, input: { password: TEST_PASSWORD } })).rejects.toMatchObject({ status: 403 });
    await expect(disableTotp({ ctx, input: { password: TEST_PASSWORD } })).rejects.toMatchObject({ status: 403 });
  });
});

describe("signing in with a second factor (authorizeSignIn)", () => {
  const headers = new Headers({ "x-forwarded-for": "192.0.2.99" });
  it("records user_signed_in only when the sign-in completes, after the code", async () => {
    const { user, secret } = await enrolledAdmin();
    const credentials = { email: user.email, password: TEST_PASSWORD };
    await expect(authorizeSignIn(credentials, headers)).rejects.toMatchObject({ code: "second_factor_required" });
    await expect(authorizeSignIn({ ...credentials, code: "abcd-efgh-jkmn" }, headers)).rejects.toMatchObject({ code: "second_factor_invalid" });
    // The password was right twice, but nobody has signed in yet.
    expect(await eventsOf(user.id, "user_signed_in")).toEqual([]);
    const signedIn = await authorizeSignIn({ ...credentials, code: phoneCode(secret, 1) }, headers);
    expect(signedIn).toMatchObject({ id: user.id, role: "admin", sid: expect.any(String) });
    const recorded = await eventsOf(user.id, "user_signed_in");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.properties).toMatchObject({ role: "admin", secondFactor: true });
  });

  it("records user_signed_in for a password-only sign-in, once", async () => {
    const { user } = await createTestUser("lender");
    await authorizeSignIn({ email: user.email, password: TEST_PASSWORD }, headers);
    expect(await eventsOf(user.id, "user_signed_in")).toHaveLength(1);
  });
});
