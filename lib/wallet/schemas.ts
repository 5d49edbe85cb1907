import { z } from "zod";
import { zRupiah } from "@/lib/money/rupiah";
import { BANK_CODES } from "@/lib/payments/schemas";

/**
 * Client-safe wallet inputs, shared by forms (zodResolver) and the server. Messages are translation
 * keys under "validation" in messages/*.json.
 */
export { BANKS, BANK_CODES, bankName, type BankCode } from "@/lib/payments/schemas";

/** Per withdrawal: at least Rp10.000, at most Rp1.000.000.000 (what reaches the bank, before the fee). */
export const WITHDRAWAL_MIN = 10_000n;
export const WITHDRAWAL_MAX = 1_000_000_000n;
export const MAX_BANK_ACCOUNTS = 10;

export const AddBankAccountInput = z.object({
  bankCode: z.enum(BANK_CODES, { message: "bankRequired" }),
  // People paste numbers with spaces or dashes; what is stored is digits only.
  accountNumber: z
    .string({ message: "required" })
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6,20}$/, "accountNumberDigits")),
  holderName: z
    .string({ message: "required" })
    .trim()
    .min(2, "required")
    .max(100, "tooLong")
    .regex(/^[\p{L}][\p{L} .,'-]*$/u, "holderNameInvalid"),
});
export type AddBankAccountInput = z.input<typeof AddBankAccountInput>;

export const BankAccountIdInput = z.object({ id: z.string().uuid("notFound") });

export const RequestWithdrawalInput = z.object({
  bankAccountId: z.string({ message: "bankAccountRequired" }).uuid("bankAccountRequired"),
  amount: zRupiah({ min: WITHDRAWAL_MIN, max: WITHDRAWAL_MAX }),
});
export type RequestWithdrawalInput = z.input<typeof RequestWithdrawalInput>;

export const ApproveWithdrawalInput = z.object({ withdrawalId: z.string().uuid("notFound") });
export type ApproveWithdrawalInput = z.input<typeof ApproveWithdrawalInput>;

export const RejectWithdrawalInput = z.object({
  withdrawalId: z.string().uuid("notFound"),
  reason: z.string({ message: "required" }).trim().min(3, "required").max(500, "tooLong"),
});
export type RejectWithdrawalInput = z.input<typeof RejectWithdrawalInput>;

export const WITHDRAWAL_STATUSES = ["requested", "approved", "paid", "rejected"] as const;

export const WithdrawalQueueInput = z.object({
  status: z.enum(WITHDRAWAL_STATUSES).default("requested"),
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});

/** Human movement types shown in the wallet history (and its filter). */
export const MOVEMENT_TYPES = ["topup", "withdrawal", "fee", "withdrawal_refund", "correction"] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number] | (string & {});

const movementFilters = {
  type: z.enum(MOVEMENT_TYPES).optional(),
  /** Inclusive. */
  from: z.coerce.date({ message: "dateInvalid" }).optional(),
  /** Exclusive: pass the day after the last day to show. */
  to: z.coerce.date({ message: "dateInvalid" }).optional(),
};
const movementPage = {
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
};
const inRange = (f: { from?: Date; to?: Date }) => !f.from || !f.to || f.from < f.to;
const rangeError = () => ({ message: "dateRangeInvalid", path: ["to"] });

/** The CSV export's filters (movementsCsv). */
export const MovementFiltersInput = z.object(movementFilters).refine(inRange, rangeError());
export type MovementFiltersInput = z.input<typeof MovementFiltersInput>;

export const MovementPageInput = z.object(movementPage);

/** A page of the signed-in user's movements (listMyMovements): the filters and the page. */
export const MovementsQuery = z.object({ ...movementFilters, ...movementPage }).refine(inRange, rangeError());
/** Admin: a page of one user's movements (an id that is not a user's gives an empty page). */
export const UserMovementsQuery = z.object({ userId: z.string(), ...movementFilters, ...movementPage }).refine(inRange, rangeError());
/** Admin: one user's wallet. */
export const UserIdInput = z.object({ userId: z.string().uuid("notFound") });

/** Admin: the withdrawal fee and the auto-approval threshold. */
export const WalletSettingsInput = z.object({
  withdrawalFee: zRupiah({ min: 0n, max: 1_000_000n }),
  /** Withdrawals strictly below this amount are approved automatically; 0 turns auto-approval off. */
  autoApproveBelow: zRupiah({ min: 0n, max: WITHDRAWAL_MAX }),
});
export type WalletSettingsInput = z.input<typeof WalletSettingsInput>;
