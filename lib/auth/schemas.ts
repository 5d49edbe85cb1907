import { z } from "zod";

/**
 * Sign-up and sign-in inputs: one schema serves the form (zodResolver) and the server.
 * Messages are translation keys under "validation" in messages/*.json.
 */
export const LOCALES = ["en", "id"] as const;
export type AppLocale = (typeof LOCALES)[number];

export const BUSINESS_SECTORS = [
  "retail",
  "food_beverage",
  "agriculture",
  "manufacturing",
  "services",
  "logistics",
  "technology",
  "health",
  "education",
  "construction",
] as const;

const email = z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong").email("email");
const password = z.string().min(10, "passwordTooShort").max(200, "tooLong");
// Indonesian mobile numbers: +62 or 0, then 8 and 7–11 more digits.
const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^(\+62|62|0)8\d{7,11}$/, "phone"));

const base = {
  fullName: z.string().trim().min(2, "required").max(120, "tooLong"),
  email,
  phone,
  password,
  locale: z.enum(LOCALES),
};

export const LenderSignUpInput = z.object({ role: z.literal("lender"), ...base });
export const BorrowerSignUpInput = z.object({
  role: z.literal("borrower"),
  ...base,
  companyName: z.string().trim().min(2, "required").max(160, "tooLong"),
  businessSector: z.enum(BUSINESS_SECTORS, { message: "required" }),
});
export const SignUpInput = z.discriminatedUnion("role", [LenderSignUpInput, BorrowerSignUpInput]);
export type SignUpInput = z.infer<typeof SignUpInput>;
export type LenderSignUpInput = z.infer<typeof LenderSignUpInput>;
export type BorrowerSignUpInput = z.infer<typeof BorrowerSignUpInput>;
/** registerUser: the sign-up form and the first-touch acquisition channel (utm cookie, lib/auth/request-context.ts). */
export const RegisterUserInput = z.intersection(SignUpInput, z.object({ acquisition: z.record(z.string(), z.string()).default({}) }));

export const SignInInput = z.object({
  email,
  password: z.string().min(1, "required").max(200, "tooLong"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const LocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Only same-site paths may be used as a post-sign-in destination (see ./safe-redirect.ts). */
export { safeRedirectPath as safeCallbackUrl } from "./safe-redirect";

// ---- Sessions and account security (lib/auth/sessions.ts, second-factor.ts) ----

/** The password asked for again before money leaves (withdrawals, bank accounts). */
export const ReauthInput = z.object({ password: z.string().min(1, "required").max(200, "tooLong") });
export type ReauthInput = z.infer<typeof ReauthInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "required").max(200, "tooLong"),
    newPassword: password,
    confirmPassword: z.string().min(1, "required").max(200, "tooLong"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "passwordUnchanged" });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** A 6-digit authenticator code or a recovery code ("abcd-efgh-jkmn"). */
export const SecondFactorCodeInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "required")
    .max(32, "tooLong")
    .regex(/^(\d{3}\s?\d{3}|[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4})$/, "secondFactorFormat"),
});
export type SecondFactorCodeInput = z.infer<typeof SecondFactorCodeInput>;
