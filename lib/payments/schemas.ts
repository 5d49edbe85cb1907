import { z } from "zod";
import { zRupiah } from "@/lib/money/rupiah";

/**
 * Client-safe: the bank list and the payment inputs, shared by forms (zodResolver) and the server.
 * Messages are translation keys under "validation" in messages/*.json.
 */
export const BANKS = [
  { code: "BCA", name: "BCA", fullName: "Bank Central Asia", clearingCode: "014" },
  { code: "BNI", name: "BNI", fullName: "Bank Negara Indonesia", clearingCode: "009" },
  { code: "BRI", name: "BRI", fullName: "Bank Rakyat Indonesia", clearingCode: "002" },
  { code: "MANDIRI", name: "Mandiri", fullName: "Bank Mandiri", clearingCode: "008" },
  { code: "PERMATA", name: "Permata", fullName: "Bank Permata", clearingCode: "013" },
] as const;

export const BANK_CODES = ["BCA", "BNI", "BRI", "MANDIRI", "PERMATA"] as const satisfies readonly (typeof BANKS)[number]["code"][];
export type BankCode = (typeof BANK_CODES)[number];

export function bankName(code: string): string {
  return BANKS.find((b) => b.code === code)?.name ?? code;
}

/** Per top-up: at least Rp10.000, at most Rp100.000.000. */
export const TOPUP_MIN = 10_000n;
export const TOPUP_MAX = 100_000_000n;
/** A payment request can be paid for 24 hours. */
export const TOPUP_EXPIRY_MS = 24 * 60 * 60 * 1000;

export const TOPUP_METHODS = ["va", "qris"] as const;
export type TopUpMethodName = (typeof TOPUP_METHODS)[number];

const topUpAmount = zRupiah({ min: TOPUP_MIN, max: TOPUP_MAX });

export const RequestTopUpInput = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("va"), bank: z.enum(BANK_CODES, { message: "bankRequired" }), amount: topUpAmount }),
    z.object({ method: z.literal("qris"), amount: topUpAmount }),
  ],
  { message: "methodRequired" },
);
export type RequestTopUpInput = z.input<typeof RequestTopUpInput>;
export type RequestTopUpData = z.output<typeof RequestTopUpInput>;

export const TopUpIdInput = z.object({ id: z.string().uuid("notFound") });

export const SimulateSandboxPaymentInput = z.object({ providerReference: z.string().trim().min(1, "required").max(100, "tooLong") });
export type SimulateSandboxPaymentInput = z.infer<typeof SimulateSandboxPaymentInput>;

export const PageInput = z.object({
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});
