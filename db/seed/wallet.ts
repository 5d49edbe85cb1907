import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { topUpRequests } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/internal/users";
import { systemCtx, userCtx } from "@/lib/context";
import { requestTopUp, simulateSandboxPayment } from "@/lib/payments";
import { addBankAccount, requestWithdrawal } from "@/lib/wallet";
import { seedUserCtx } from "./acting";

/**
 * Demo wallets, made through the real verbs: the lender tops up Rp50.000.000 through the sandbox
 * gateway, saves a bank account and asks to withdraw Rp500.000 (waiting in the admin queue); the
 * borrower tops up Rp5.000.000. Skipped for a user who already has top-ups.
 */
export async function seedWallets(db: Db): Promise<void> {
  const plans = [
    { email: "lender@lumbung.test", role: "lender" as const, topUp: 50_000_000n, bank: { bankCode: "BCA", accountNumber: "1234567801", holderName: "Sari Lestari" }, withdraw: 500_000n },
    { email: "borrower@lumbung.test", role: "borrower" as const, topUp: 5_000_000n, bank: { bankCode: "MANDIRI", accountNumber: "9876543210", holderName: "Budi Santoso" }, withdraw: 0n },
  ];
  for (const plan of plans) {
    const user = await findUserByEmail(db, plan.email);
    if (!user) continue;
    const [existing] = await db.select({ id: topUpRequests.id }).from(topUpRequests).where(eq(topUpRequests.userId, user.id)).limit(1);
    if (existing) continue;
    const ctx = seedUserCtx(user.id, plan.role);
    const topUp = await requestTopUp({ ctx, input: { method: "va", bank: "BCA", amount: plan.topUp.toString() } });
    await simulateSandboxPayment({ ctx: systemCtx("seed"), input: { providerReference: topUp.providerReference } });
    const bank = await addBankAccount({ ctx, input: plan.bank });
    if (plan.withdraw > 0n) await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: plan.withdraw.toString() } });
  }
  // A pending QRIS top-up, so the wallet shows one waiting for payment.
  const lender = await findUserByEmail(db, "lender@lumbung.test");
  if (lender) await requestTopUp({ ctx: userCtx(lender.id, "lender"), input: { method: "qris", amount: "250000" } }).catch(() => {});
}
