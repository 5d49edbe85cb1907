import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog, events, notifications } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { Conflict, NotFound, ValidationFailed } from "@/lib/errors";
import { createTestUser } from "@/lib/testing/factories";
import { listMyBankAccounts } from "@/lib/wallet";
import type { Ctx } from "@/lib/context";
import { readKycFile } from "./files";
import { assertKycApproved, isKycApproved } from "./internal/gates";
import { getMyKyc } from "./profile";
import { approveKycStep, countKycWaiting, getKycForReview, listKycQueue, rejectKycStep } from "./review";
import { saveKycStep } from "./save-step";
import { SAMPLE_PNG, sampleKycSteps } from "./sample-files";
import { KYC_STEPS } from "./schemas";
import { submitKyc } from "./submit";

beforeEach(() => setNow("2026-11-23T03:00:00Z"));

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

async function completeAll(ctx: Ctx, opts: Parameters<typeof sampleKycSteps>[0] = {}) {
  for (const input of sampleKycSteps(opts)) await saveKycStep({ ctx, input });
}

async function submittedLender() {
  const lender = await createTestUser("lender");
  await completeAll(lender.ctx);
  await submitKyc({ ctx: lender.ctx });
  return lender;
}

const eventsOf = async (userId: string, name: string) =>
  getDb().select().from(events).where(and(eq(events.userId, userId), eq(events.name, name as never)));

describe("saving steps and resuming", () => {
  it("saves each step as it is completed, records an event and resumes at the first incomplete step", async () => {
    const { user, ctx } = await createTestUser("lender");
    const start = await getMyKyc({ ctx });
    expect(start).toMatchObject({ status: "draft", currentStep: "identity", completed: 0, total: 6 });

    const [identity, selfie] = sampleKycSteps();
    let view = await saveKycStep({ ctx, input: identity });
    expect(view).toMatchObject({ currentStep: "selfie", completed: 1 });
    expect(view.steps[0]).toMatchObject({ step: "identity", status: "completed", values: { nik: "3175015705900001", fullName: "Sari Lestari" } });
    view = await saveKycStep({ ctx, input: selfie });
    expect(view.currentStep).toBe("ktp_photo");
    expect(view.steps[1]!.files).toEqual([{ field: "selfie", mime: "image/png", size: SAMPLE_PNG.length, url: `/api/v1/kyc/files/${view.steps[1]!.id}/selfie` }]);

    // Leaving and coming back: the same place.
    expect((await getMyKyc({ ctx })).currentStep).toBe("ktp_photo");
    const saved = await eventsOf(user.id, "kyc_step_completed");
    expect(saved.map((e) => e.properties.step)).toEqual(["identity", "selfie"]);
  });

  it("refuses a NIK that does not match the date of birth, and uploads that are not documents", async () => {
    const { ctx } = await createTestUser("lender");
    const e = await rejected(saveKycStep({ ctx, input: { step: "identity", fullName: "Sari", nik: "3175015705900001", sex: "female", dateOfBirth: "1990-05-18" } }));
    expect(e).toBeInstanceOf(ValidationFailed);
    expect(e.fields).toEqual({ nik: "nikBirthDateMismatch" });
    const young = await rejected(saveKycStep({ ctx, input: { step: "identity", fullName: "Sari", nik: "3175016411080001", sex: "female", dateOfBirth: "2008-11-24" } }));
    expect(young.fields).toEqual({ dateOfBirth: "tooYoung" });
    expect((await rejected(saveKycStep({ ctx, input: { step: "selfie", selfie: new TextEncoder().encode("hello") } }))).fields).toEqual({ selfie: "fileType" });
    expect((await rejected(saveKycStep({ ctx, input: { step: "selfie" } }))).fields).toEqual({ selfie: "fileRequired" });
    expect((await rejected(saveKycStep({ ctx, input: { step: "passport" } }))).fields).toEqual({ step: "stepInvalid" });
  });

  it("saves the bank account step as a wallet bank account, reusing one already saved", async () => {
    const { ctx } = await createTestUser("lender");
    const bank = sampleKycSteps()[5];
    const first = await saveKycStep({ ctx, input: bank });
    const again = await saveKycStep({ ctx, input: { ...bank, accountNumber: "123-456-7890" } });
    const accounts = await listMyBankAccounts({ ctx });
    expect(accounts).toHaveLength(1);
    expect(first.steps[5]!.values.bankAccountId).toBe(accounts[0]!.id);
    expect(again.steps[5]!.values.bankAccountId).toBe(accounts[0]!.id);
  });

  it("admins cannot save steps", async () => {
    const { ctx } = await createTestUser("admin");
    await expect(saveKycStep({ ctx, input: sampleKycSteps()[0] })).rejects.toMatchObject({ status: 403 });
    await expect(getMyKyc({ ctx })).rejects.toMatchObject({ status: 403 });
    await expect(submitKyc({ ctx })).rejects.toMatchObject({ status: 403 });
  });
});

describe("submitting", () => {
  it("needs every step, then goes to the admin queue oldest first", async () => {
    const early = await createTestUser("lender");
    await saveKycStep({ ctx: early.ctx, input: sampleKycSteps()[0] });
    const e = await rejected(submitKyc({ ctx: early.ctx }));
    expect(e).toBeInstanceOf(Conflict);
    expect(e).toMatchObject({ code: "kyc_incomplete", details: { missing: ["selfie", "ktp_photo", "address", "occupation", "bank_account"] } });

    const first = await submittedLender();
    setNow("2026-11-23T04:00:00Z");
    const second = await submittedLender();
    expect((await getMyKyc({ ctx: first.ctx })).status).toBe("submitted");
    expect((await eventsOf(first.user.id, "kyc_submitted"))[0]?.properties).toMatchObject({ version: 1, resubmission: false });

    const { ctx: adminCtx } = await createTestUser("admin");
    const queue = await listKycQueue({ ctx: adminCtx });
    expect(queue.items.map((i) => i.userId)).toEqual([first.user.id, second.user.id]);
    expect(queue.total).toBe(2);
    expect(await countKycWaiting({ ctx: adminCtx })).toBe(2);
    await expect(countKycWaiting({ ctx: first.ctx })).rejects.toMatchObject({ status: 403 });
    expect((await listKycQueue({ ctx: adminCtx, input: { pageSize: 1, page: 2 } })).items.map((i) => i.userId)).toEqual([second.user.id]);

    // Under review nothing changes.
    expect(await rejected(saveKycStep({ ctx: first.ctx, input: sampleKycSteps()[0] }))).toMatchObject({ code: "kyc_under_review" });
    expect(await rejected(submitKyc({ ctx: first.ctx }))).toMatchObject({ code: "kyc_under_review" });
  });
});

describe("review", () => {
  it("approving every step approves the verification, with an event and a notification", async () => {
    const lender = await submittedLender();
    const { user: admin, ctx: adminCtx } = await createTestUser("admin");
    const review = await getKycForReview({ ctx: adminCtx, input: { userId: lender.user.id } });
    expect(review.user.email).toBe(lender.user.email);
    expect(review.steps.find((s) => s.step === "ktp_photo")!.files[0]).toMatchObject({ field: "ktpPhoto", mime: "image/png" });
    expect(await isKycApproved(getDb(), lender.user.id)).toBe(false);
    await expect(assertKycApproved(getDb(), lender.user.id)).rejects.toMatchObject({ code: "kyc_required", status: 403 });

    for (const step of KYC_STEPS) {
      const after = await approveKycStep({ ctx: adminCtx, input: { userId: lender.user.id, step } });
      expect(after.status).toBe(step === "bank_account" ? "approved" : "submitted");
    }
    expect(await isKycApproved(getDb(), lender.user.id)).toBe(true);
    await assertKycApproved(getDb(), lender.user.id);
    expect(await eventsOf(lender.user.id, "kyc_approved")).toHaveLength(1);
    expect(await eventsOf(lender.user.id, "kyc_step_approved")).toHaveLength(6);
    const [note] = await getDb().select().from(notifications).where(and(eq(notifications.userId, lender.user.id), eq(notifications.kind, "kycApproved")));
    expect(note?.link).toBe("/lender/kyc");
    const audit = await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.adminId, admin.id));
    expect(audit).toHaveLength(6);
    expect((await getMyKyc({ ctx: lender.ctx })).status).toBe("approved");
    expect(await rejected(saveKycStep({ ctx: lender.ctx, input: sampleKycSteps()[0] }))).toMatchObject({ code: "kyc_already_approved" });
    expect(await rejected(approveKycStep({ ctx: adminCtx, input: { userId: lender.user.id, step: "identity" } }))).toMatchObject({ code: "kyc_not_submitted" });
  });

  it("a rejected step is explained, fixed and re-submitted; approved steps stay approved", async () => {
    const lender = await submittedLender();
    const { ctx: adminCtx } = await createTestUser("admin");
    const userId = lender.user.id;
    expect((await rejected(rejectKycStep({ ctx: adminCtx, input: { userId, step: "selfie", reason: "" } }))).fields).toEqual({ reason: "required" });
    for (const step of KYC_STEPS) {
      if (step === "selfie") await rejectKycStep({ ctx: adminCtx, input: { userId, step, reason: "Your face is not visible; take the photo in daylight." } });
      else await approveKycStep({ ctx: adminCtx, input: { userId, step } });
    }
    const mine = await getMyKyc({ ctx: lender.ctx });
    expect(mine).toMatchObject({ status: "rejected", currentStep: "selfie" });
    expect(mine.steps[1]).toMatchObject({ step: "selfie", status: "rejected", reason: "Your face is not visible; take the photo in daylight." });
    expect((await eventsOf(userId, "kyc_rejected"))[0]?.properties).toMatchObject({ steps: ["selfie"] });
    const [note] = await getDb().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "kycRejected")));
    expect(note?.params).toEqual({ count: 1 });

    // Re-submitting without fixing is refused; approved steps cannot change.
    expect(await rejected(submitKyc({ ctx: lender.ctx }))).toMatchObject({ code: "kyc_incomplete", details: { missing: ["selfie"] } });
    expect(await rejected(saveKycStep({ ctx: lender.ctx, input: sampleKycSteps()[0] }))).toMatchObject({ code: "kyc_step_approved" });

    const fixed = await saveKycStep({ ctx: lender.ctx, input: sampleKycSteps()[1] });
    expect(fixed.steps[1]).toMatchObject({ status: "completed", reason: null });
    const again = await submitKyc({ ctx: lender.ctx });
    expect(again).toMatchObject({ status: "submitted", version: 2 });
    expect((await eventsOf(userId, "kyc_step_completed")).at(-1)?.properties).toMatchObject({ step: "selfie", resubmission: true });

    const after = await approveKycStep({ ctx: adminCtx, input: { userId, step: "selfie" } });
    expect(after.status).toBe("approved");
  });

  it("two admins deciding the last steps at once decide the verification exactly once", async () => {
    const lender = await submittedLender();
    const a = await createTestUser("admin");
    const b = await createTestUser("admin");
    const userId = lender.user.id;
    for (const step of KYC_STEPS.slice(0, 4)) await approveKycStep({ ctx: a.ctx, input: { userId, step } });
    await Promise.all([
      approveKycStep({ ctx: a.ctx, input: { userId, step: "occupation" } }),
      approveKycStep({ ctx: b.ctx, input: { userId, step: "bank_account" } }),
    ]);
    expect((await getMyKyc({ ctx: lender.ctx })).status).toBe("approved");
    expect(await eventsOf(userId, "kyc_approved")).toHaveLength(1);
  });

  it("only admins review", async () => {
    const lender = await submittedLender();
    await expect(listKycQueue({ ctx: lender.ctx })).rejects.toMatchObject({ status: 403 });
    await expect(getKycForReview({ ctx: lender.ctx, input: { userId: lender.user.id } })).rejects.toMatchObject({ status: 403 });
    await expect(approveKycStep({ ctx: lender.ctx, input: { userId: lender.user.id, step: "identity" } })).rejects.toMatchObject({ status: 403 });
    await expect(rejectKycStep({ ctx: lender.ctx, input: { userId: lender.user.id, step: "identity", reason: "nope" } })).rejects.toMatchObject({
      status: 403,
    });
    const { ctx: adminCtx } = await createTestUser("admin");
    await expect(getKycForReview({ ctx: adminCtx, input: { userId: "not-a-uuid" } })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("files", () => {
  it("are served to the owner and admins; anyone else gets NotFound", async () => {
    const lender = await createTestUser("lender");
    const view = await saveKycStep({ ctx: lender.ctx, input: sampleKycSteps()[1] });
    const stepId = view.steps[1]!.id!;
    const mine = await readKycFile({ ctx: lender.ctx, input: { stepId, field: "selfie" } });
    expect(mine.mime).toBe("image/png");
    expect(Buffer.from(mine.bytes).equals(Buffer.from(SAMPLE_PNG))).toBe(true);
    const { ctx: adminCtx } = await createTestUser("admin");
    expect((await readKycFile({ ctx: adminCtx, input: { stepId, field: "selfie" } })).mime).toBe("image/png");
    const other = await createTestUser("lender");
    await expect(readKycFile({ ctx: other.ctx, input: { stepId, field: "selfie" } })).rejects.toBeInstanceOf(NotFound);
    const borrower = await createTestUser("borrower");
    await expect(readKycFile({ ctx: borrower.ctx, input: { stepId, field: "selfie" } })).rejects.toBeInstanceOf(NotFound);
    await expect(readKycFile({ ctx: lender.ctx, input: { stepId, field: "ktpPhoto" } })).rejects.toBeInstanceOf(NotFound);
    await expect(readKycFile({ ctx: lender.ctx, input: { stepId: "../../etc", field: "selfie" } })).rejects.toBeInstanceOf(NotFound);
    await expect(readKycFile({ ctx: { actor: { type: "anonymous" } }, input: { stepId, field: "selfie" } })).rejects.toMatchObject({ status: 401 });
  });
});

describe("borrowers (KYB) use the same machinery", () => {
  it("a borrower completes and submits; the approval notification points at the borrower dashboard", async () => {
    const b = await createTestUser("borrower");
    await completeAll(b.ctx);
    await submitKyc({ ctx: b.ctx });
    const { ctx: adminCtx } = await createTestUser("admin");
    for (const step of KYC_STEPS) await approveKycStep({ ctx: adminCtx, input: { userId: b.user.id, step } });
    const [note] = await getDb().select().from(notifications).where(and(eq(notifications.userId, b.user.id), eq(notifications.kind, "kycApproved")));
    expect(note?.link).toBe("/borrower");
  });
});
