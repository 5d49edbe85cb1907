import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { kycProfiles, kycSteps, type KycProfile, type KycStatus, type KycStepRow, type KycStepStatus } from "@/db/schema";
import { now } from "@/lib/clock";
import { KYC_FILE_FIELDS, KYC_STEPS, type KycStep } from "../schemas";

/** What a stored upload keeps: never the bytes, only where they are and what they are. */
export type StoredFile = { key: string; mime: string; size: number; sha256: string };
/** A file as shown to the owner or an admin: served by GET /api/v1/kyc/files/<stepId>/<field>. */
export type FileView = { field: string; mime: string; size: number; url: string };

export type KycStepView = {
  id: string | null;
  step: KycStep;
  status: KycStepStatus;
  reason: string | null;
  /** Entered values (files excluded). */
  values: Record<string, unknown>;
  files: FileView[];
  updatedAt: Date | null;
};

export type KycView = {
  status: KycStatus;
  version: number;
  submittedAt: Date | null;
  decidedAt: Date | null;
  /** The first step not completed yet (null when every step is saved): where the user resumes. */
  currentStep: KycStep | null;
  completed: number;
  total: number;
  steps: KycStepView[];
};

const DONE: readonly KycStepStatus[] = ["completed", "approved"];

export function fileUrl(stepId: string, field: string): string {
  return `/api/v1/kyc/files/${stepId}/${field}`;
}

function stepView(step: KycStep, row: KycStepRow | undefined): KycStepView {
  if (!row) return { id: null, step, status: "pending", reason: null, values: {}, files: [], updatedAt: null };
  const { files, ...values } = row.data as { files?: Record<string, StoredFile> } & Record<string, unknown>;
  return {
    id: row.id,
    step,
    status: row.status,
    reason: row.reason,
    values,
    files: KYC_FILE_FIELDS[step]
      .filter((f) => files?.[f])
      .map((f) => ({ field: f, mime: files![f]!.mime, size: files![f]!.size, url: fileUrl(row.id, f) })),
    updatedAt: row.updatedAt,
  };
}

/** The first step that is missing, pending or rejected. */
export function firstIncomplete(rows: Pick<KycStepRow, "step" | "status">[]): KycStep | null {
  const byStep = new Map(rows.map((r) => [r.step, r.status]));
  return KYC_STEPS.find((s) => !DONE.includes(byStep.get(s) ?? "pending")) ?? null;
}

export async function stepsOf(db: DbOrTx, userId: string): Promise<KycStepRow[]> {
  return db.select().from(kycSteps).where(eq(kycSteps.userId, userId)).orderBy(asc(kycSteps.updatedAt));
}

export async function findStep(db: DbOrTx, userId: string, step: KycStep): Promise<KycStepRow | undefined> {
  const [row] = await db.select().from(kycSteps).where(and(eq(kycSteps.userId, userId), eq(kycSteps.step, step))).limit(1);
  return row;
}

export async function findProfile(db: DbOrTx, userId: string): Promise<KycProfile | undefined> {
  const [row] = await db.select().from(kycProfiles).where(eq(kycProfiles.userId, userId)).limit(1);
  return row;
}

/** The user's profile, created as a draft on first use, locked for the rest of the transaction. */
export async function lockProfile(tx: Tx, userId: string): Promise<KycProfile> {
  const at = now();
  await tx
    .insert(kycProfiles)
    .values({ userId, status: "draft", currentStep: KYC_STEPS[0], createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: kycProfiles.userId });
  const [row] = await tx.select().from(kycProfiles).where(eq(kycProfiles.userId, userId)).for("update").limit(1);
  return row!;
}

/** The progress view of a user's KYC (also for users who have not started: a draft with nothing saved). */
export async function kycViewOf(db: DbOrTx, userId: string): Promise<KycView> {
  const [profile, rows] = await Promise.all([findProfile(db, userId), stepsOf(db, userId)]);
  const byStep = new Map(rows.map((r) => [r.step, r]));
  const steps = KYC_STEPS.map((s) => stepView(s, byStep.get(s)));
  return {
    status: profile?.status ?? "draft",
    version: profile?.version ?? 0,
    submittedAt: profile?.submittedAt ?? null,
    decidedAt: profile?.decidedAt ?? null,
    currentStep: firstIncomplete(rows),
    completed: steps.filter((s) => DONE.includes(s.status)).length,
    total: KYC_STEPS.length,
    steps,
  };
}
