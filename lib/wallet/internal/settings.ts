import "server-only";
import type { DbOrTx } from "@/db";
import { checkRupiah } from "@/lib/money/rupiah";
import { readSetting } from "@/lib/system";

export const WITHDRAWAL_FEE_KEY = "wallet.withdrawal_fee";
export const AUTO_APPROVE_BELOW_KEY = "wallet.withdrawal_auto_approve_below";

export const DEFAULT_WITHDRAWAL_FEE = 0n;
// Small withdrawals (below Rp100.000) go out at once; larger ones wait for an admin.
export const DEFAULT_AUTO_APPROVE_BELOW = 100_000n;

export type WalletSettings = { withdrawalFee: bigint; autoApproveBelow: bigint };

/** Amounts live in settings as decimal strings (jsonb has no bigint). */
function amountSetting(value: unknown, fallback: bigint): bigint {
  const checked = checkRupiah(value, { min: 0n });
  return checked.ok ? checked.value : fallback;
}

export async function readWalletSettings(db: DbOrTx): Promise<WalletSettings> {
  const [fee, threshold] = await Promise.all([readSetting<unknown>(db, WITHDRAWAL_FEE_KEY), readSetting<unknown>(db, AUTO_APPROVE_BELOW_KEY)]);
  return {
    withdrawalFee: amountSetting(fee, DEFAULT_WITHDRAWAL_FEE),
    autoApproveBelow: amountSetting(threshold, DEFAULT_AUTO_APPROVE_BELOW),
  };
}
