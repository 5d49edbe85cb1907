import { getDb } from "@/db";
import { and, eq } from "drizzle-orm";
import { ledgerAccounts } from "@/db/schema";
import { recordVerifiedLenderFixture } from "@/lib/kyc/internal/verified-lender";
import { creditWallet, key } from "@/lib/loans/test-helpers";
import { createTestUser } from "@/lib/testing/factories";
import type { Ctx } from "@/lib/context";
import { computeLedgerHealth } from "@/lib/ledger";
import { requestGoldQuote } from "./quotes";
import { buyGold } from "./buy";
import { sellGold } from "./sell";

/** A KYC-approved lender with cash. */
export async function goldLender(cash = 100_000_000n) {
  const l = await createTestUser("lender");
  await recordVerifiedLenderFixture(getDb(), l.user.id);
  if (cash > 0n) await creditWallet(l.user.id, cash);
  return l;
}

export async function balanceOf(userId: string, type: string): Promise<bigint> {
  const [row] = await getDb()
    .select({ balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.ownerType, "user"), eq(ledgerAccounts.ownerId, userId), eq(ledgerAccounts.type, type)));
  return row?.balance ?? 0n;
}

export async function platformBalance(type: string): Promise<bigint> {
  const [row] = await getDb().select({ balance: ledgerAccounts.balance }).from(ledgerAccounts).where(and(eq(ledgerAccounts.ownerType, "platform"), eq(ledgerAccounts.type, type)));
  return row?.balance ?? 0n;
}

/** Quote + trade in one go. */
export async function trade(ctx: Ctx, side: "buy" | "sell", mode: "rupiah" | "grams", amount: string, idempotencyKey = key("gold")) {
  const q = await requestGoldQuote({ ctx, input: { side } });
  return side === "buy"
    ? buyGold({ ctx, input: { quoteId: q.quoteId, mode, amount, idempotencyKey } })
    : sellGold({ ctx, input: { quoteId: q.quoteId, mode, amount, idempotencyKey } });
}

export async function expectLedgerHealthy() {
  const health = await computeLedgerHealth(getDb());
  if (!health.ok) throw new Error(`ledger unhealthy: ${JSON.stringify(health.checks, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  return health;
}
