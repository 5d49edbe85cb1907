import { anonymousCtx, type Ctx } from "@/lib/context";
import { requestTopUp } from "@/lib/payments/topups";
import { simulateSandboxPayment } from "@/lib/payments/sandbox-pay";
import { addBankAccount } from "./bank-accounts";

/** Tests only: tops a wallet up through the real sandbox flow (request, pay, webhook). */
export async function topUpThroughSandbox(ctx: Ctx, amount: bigint): Promise<void> {
  let left = amount;
  while (left > 0n) {
    const part = left > 100_000_000n ? 100_000_000n : left;
    const topUp = await requestTopUp({ ctx, input: { method: "qris", amount: part.toString() } });
    await simulateSandboxPayment({ ctx: anonymousCtx(), input: { providerReference: topUp.providerReference } });
    left -= part;
  }
}

export async function saveBankAccount(ctx: Ctx, accountNumber = "1234567890") {
  return addBankAccount({ ctx, input: { bankCode: "BCA", accountNumber, holderName: "Sari Lestari" } });
}
