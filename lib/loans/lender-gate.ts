import "server-only";
import type { DbOrTx } from "@/db";

/**
 * The hook for lender eligibility: KYC status, risk profile / suitability, and per-lender or per-loan
 * concentration limits belong to the lender issue. It runs inside invest's transaction before any
 * money moves and throws a DomainError (Forbidden, LimitExceeded) to refuse. Today it allows everything.
 */
export async function assertLenderMayInvest(_tx: DbOrTx, _lenderId: string, _loanId: string, _amount: bigint): Promise<void> {}
