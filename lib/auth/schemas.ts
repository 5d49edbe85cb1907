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

export const SignInInput = z.object({
  email,
  password: z.string().min(1, "required").max(200, "tooLong"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const LocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Only same-site paths may be used as a post-sign-in destination (see ./safe-redirect.ts). */
export { safeRedirectPath as safeCallbackUrl } from "./safe-redirect";
