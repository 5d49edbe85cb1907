import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { userRecoveryCodes, userSessions } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { createTestUser } from "@/lib/testing/factories";
import { checkSecondFactorAtSignIn, confirmTotpEnrolment, getSecondFactorStatus, startTotpEnrolment } from "./second-factor";
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
