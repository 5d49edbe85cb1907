import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { kycProfiles, kycSteps } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, parseInput } from "@/lib/errors";
import { storeDocument } from "@/lib/storage";
import { addBankAccount, listMyBankAccounts } from "@/lib/wallet";
import { findStep, firstIncomplete, kycViewOf, lockProfile, stepsOf, type KycView, type StoredFile } from "./internal/profile";
import { KYC_FILE_FIELDS, KYC_STEP_SCHEMAS, KycStepName, type KycStep } from "./schemas";

async function toBytes(v: unknown): Promise<Uint8Array> {
  if (v instanceof Uint8Array) return v;
  if (v instanceof Blob) return new Uint8Array(await v.arrayBuffer());
  throw new Error("an upload must arrive as bytes");
}

/** JSON-safe values of a step (money as a decimal string); uploads are stored and replaced by their keys. */
async function stepData(ctx: Ctx & { tx: NonNullable<Ctx["tx"]> }, userId: string, step: KycStep, parsed: Record<string, unknown>) {
  const data: Record<string, unknown> = {};
  const files: Record<string, StoredFile> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (KYC_FILE_FIELDS[step].includes(k)) {
      files[k] = await storeDocument({ folder: `kyc/${userId}`, bytes: await toBytes(v), field: k });
    } else data[k] = typeof v === "bigint" ? v.toString() : v;
  }
  if (step === "bank_account") {
    // The withdrawal account: reuse the same saved account, or save it in this transaction.
    const saved = (await listMyBankAccounts({ ctx })).find((b) => b.bankCode === data.bankCode && b.accountNumber === data.accountNumber);
    const account = saved ?? (await addBankAccount({ ctx, input: parsed }));
    data.bankAccountId = account.id;
  }
  return Object.keys(files).length > 0 ? { ...data, files } : data;
}

/**
 * Saves one step as it is completed (a lender's e-KYC or a borrower's KYB). Uploads arrive as bytes
 * (the server action reads them from FormData) and are typed by content. A submitted or approved
 * verification cannot change; after a rejection only the steps not approved can.
 */
export async function saveKycStep({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<KycView> {
  const actor = requireRole(ctx, "lender", "borrower");
  const { step } = parseInput(z.object({ step: KycStepName }), input);
  const parsed = parseInput(KYC_STEP_SCHEMAS[step] as z.ZodType<Record<string, unknown>>, input);
  return withTransaction(ctx, async (tx, tctx) => {
    const profile = await lockProfile(tx, actor.userId);
    if (profile.status === "submitted") throw new Conflict("kyc_under_review", "Your verification is being reviewed; it cannot change now.");
    if (profile.status === "approved") throw new Conflict("kyc_already_approved", "Your identity is already verified.");
    const existing = await findStep(tx, actor.userId, step);
    if (existing?.status === "approved") throw new Conflict("kyc_step_approved", "This step was already approved and cannot change.", { step });
    const data = await stepData(tctx, actor.userId, step, parsed);
    const at = now();
    await tx
      .insert(kycSteps)
      .values({ profileId: profile.id, userId: actor.userId, step, data, status: "completed", updatedAt: at })
      .onConflictDoUpdate({
        target: [kycSteps.userId, kycSteps.step],
        set: { data: sql`excluded.data`, status: "completed", reason: null, decidedBy: null, decidedAt: null, updatedAt: at },
      });
    const currentStep = firstIncomplete(await stepsOf(tx, actor.userId));
    await tx.update(kycProfiles).set({ currentStep, updatedAt: at }).where(eq(kycProfiles.id, profile.id));
    await track(tx, {
      name: "kyc_step_completed",
      userId: actor.userId,
      properties: { step, resubmission: existing?.status === "rejected" },
      context: ctx.request,
    });
    return kycViewOf(tx, actor.userId);
  });
}
