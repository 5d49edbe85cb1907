import { z } from "zod";
import { now } from "@/lib/clock";
import { zRupiah } from "@/lib/money/rupiah";
import { AddBankAccountInput } from "@/lib/wallet/schemas";
import { ageOn, checkNik, MIN_AGE, parseIsoDate } from "./nik";

/**
 * Client-safe KYC inputs, one zod schema per step, shared by the forms (zodResolver) and the server.
 * Messages are translation keys under "validation" in messages/*.json.
 */
export const KYC_STEPS = ["identity", "selfie", "ktp_photo", "address", "occupation", "bank_account"] as const;
export type KycStep = (typeof KYC_STEPS)[number];
export const KYC_PROFILE_STATUSES = ["draft", "submitted", "approved", "rejected"] as const;

/** The upload fields of each step (stored through lib/storage; the step's data keeps keys and types). */
export const KYC_FILE_FIELDS: Record<KycStep, readonly string[]> = {
  identity: [],
  selfie: ["selfie"],
  ktp_photo: ["ktpPhoto"],
  address: ["proofOfAddress"],
  occupation: ["proofOfIncome"],
  bank_account: [],
};

export const KYC_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const KYC_ACCEPT = "image/jpeg,image/png,application/pdf";

/** Size of an upload as the browser (File, FileList) or the server (bytes) holds it. */
function uploadSize(v: unknown): number | null {
  if (v instanceof Uint8Array) return v.length;
  if (typeof FileList !== "undefined" && v instanceof FileList) return v.length > 0 ? v[0]!.size : null;
  if (typeof Blob !== "undefined" && v instanceof Blob) return v.size;
  return null;
}

/** An uploaded file: present, not empty, at most 5 MB. Its type is decided by content on the server. */
export const zUpload = z
  .custom<Uint8Array | Blob | FileList>((v) => (uploadSize(v) ?? 0) > 0, { message: "fileRequired" })
  .refine((v) => (uploadSize(v) ?? 0) <= KYC_MAX_FILE_BYTES, "fileTooLarge");

const personName = z
  .string({ message: "required" })
  .trim()
  .min(2, "required")
  .max(100, "tooLong")
  .regex(/^[\p{L}][\p{L} .,'-]*$/u, "nameInvalid");

export const SEXES = ["female", "male"] as const;

export const IdentityStep = z
  .object({
    fullName: personName,
    nik: z
      .string({ message: "required" })
      .transform((v) => v.replace(/[\s.-]/g, ""))
      .pipe(z.string().min(1, "required")),
    sex: z.enum(SEXES, { message: "sexRequired" }),
    dateOfBirth: z.string({ message: "required" }).trim().min(1, "required"),
  })
  .superRefine((v, ctx) => {
    if (!parseIsoDate(v.dateOfBirth)) {
      ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "dateInvalid" });
      return;
    }
    const age = ageOn(v.dateOfBirth, now());
    if (age === null || age < MIN_AGE) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "tooYoung" });
    const nikError = checkNik(v.nik, { dateOfBirth: v.dateOfBirth, sex: v.sex });
    if (nikError) ctx.addIssue({ code: "custom", path: ["nik"], message: nikError });
  });
export type IdentityStep = z.input<typeof IdentityStep>;

export const SelfieStep = z.object({ selfie: zUpload });
export const KtpPhotoStep = z.object({ ktpPhoto: zUpload });

export const AddressStep = z.object({
  street: z.string({ message: "required" }).trim().min(5, "required").max(200, "tooLong"),
  city: z.string({ message: "required" }).trim().min(2, "required").max(100, "tooLong"),
  province: z.string({ message: "required" }).trim().min(2, "required").max(100, "tooLong"),
  postalCode: z.string({ message: "required" }).trim().regex(/^\d{5}$/, "postalCode"),
  proofOfAddress: zUpload,
});

export const OCCUPATIONS = ["employee", "entrepreneur", "professional", "civil_servant", "retired", "student", "other"] as const;

export const OccupationStep = z.object({
  occupation: z.enum(OCCUPATIONS, { message: "occupationRequired" }),
  employer: z.string().trim().max(150, "tooLong").optional().default(""),
  annualIncome: zRupiah({ min: 1n, max: 1_000_000_000_000n }),
  proofOfIncome: zUpload,
});

export const BankAccountStep = AddBankAccountInput;

export const KYC_STEP_SCHEMAS = {
  identity: IdentityStep,
  selfie: SelfieStep,
  ktp_photo: KtpPhotoStep,
  address: AddressStep,
  occupation: OccupationStep,
  bank_account: BankAccountStep,
} as const;

export const KycStepName = z.enum(KYC_STEPS, { message: "stepInvalid" });

export const ReviewKycStepInput = z.object({ userId: z.string().uuid("notFound"), step: KycStepName });
/** Admin: one user's verification (getKycForReview). */
export const KycUserIdInput = z.object({ userId: z.string().uuid("notFound") });
/** A KYC upload: its step and the file field (readKycFile). */
export const KycFileInput = z.object({ stepId: z.string().uuid(), field: z.string().regex(/^[a-zA-Z]{1,40}$/) });
export const RejectKycStepInput = ReviewKycStepInput.extend({
  reason: z.string({ message: "required" }).trim().min(3, "required").max(500, "tooLong"),
});

export const KycQueueInput = z.object({
  status: z.enum(KYC_PROFILE_STATUSES).default("submitted"),
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});
