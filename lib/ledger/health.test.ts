import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { createTestUser } from "@/lib/testing/factories";
import { ensurePlatformAccount, ensureUserAccounts } from "./internal/accounts";
import { ledgerHealth } from "./health";
import { transferMany } from "./internal/transfer";

async function someActivity() {
  const { user } = await createTestUser("lender");
  const db = getDb();
  const mine = await ensureUserAccounts(db, user.id);
  const clearing = await ensurePlatformAccount(db, "gateway_clearing");
  const payout = await ensurePlatformAccount(db, "payout_clearing");
  await db.transaction((tx) =>
    transferMany(tx, [
      { debit: clearing.id, credit: mine.user_cash.id, amount: 500_000n, unit: "IDR", kind: "topup", idempotencyKey: `h:${user.id}:1`, reference: { type: "topup", id: "1" } },
      { debit: mine.user_cash.id, credit: mine.user_reserved.id, amount: 200_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: `h:${user.id}:2`, reference: { type: "withdrawal", id: "1" } },
      { debit: mine.user_reserved.id, credit: payout.id, amount: 200_000n, unit: "IDR", kind: "withdrawal_payout", idempotencyKey: `h:${user.id}:3`, reference: { type: "withdrawal", id: "1" } },
    ]),
  );
  return { user, mine, clearing };
}

describe("ledgerHealth", () => {
  it("is admin only", async () => {
    const { ctx } = await createTestUser("lender");
    await expect(ledgerHealth({ ctx })).rejects.toMatchObject({ status: 403 });
  });

  it("passes every check and gives a trial balance by account type", async () => {
    await someActivity();
    await someActivity();
    const { ctx } = await createTestUser("admin");
    const health = await ledgerHealth({ ctx });
    expect(health.ok).toBe(true);
    expect(health.checks.map((c) => [c.name, c.ok])).toEqual([
      ["debits_equal_credits", true],
      ["no_negative_user_cash", true],
      ["cached_balances_match", true],
    ]);
    const row = (type: string) => health.trialBalance.find((r) => r.accountType === type && r.unit === "IDR")!;
    expect(row("user_cash")).toMatchObject({ accounts: 2, debits: 400_000n, credits: 1_000_000n, balance: 600_000n });
    expect(row("gateway_clearing")).toMatchObject({ accounts: 1, debits: 1_000_000n, credits: 0n, balance: -1_000_000n });
    expect(row("payout_clearing").balance).toBe(400_000n);
    expect(row("user_reserved").balance).toBe(0n);
    const idr = health.checks[0]!.name === "debits_equal_credits" ? health.checks[0]!.perUnit.find((u) => u.unit === "IDR")! : null;
    expect(idr).toMatchObject({ debits: 1_800_000n, credits: 1_800_000n, balanceSum: 0n });
  });

  it("catches a cached balance that no longer equals its transfers", async () => {
    const { mine } = await someActivity();
    const { ctx } = await createTestUser("admin");
    await getDb().execute(sql`update ledger_accounts set balance = balance + 1 where id = ${mine.user_cash.id}::uuid`);
    try {
      const health = await ledgerHealth({ ctx });
      expect(health.ok).toBe(false);
      const cached = health.checks.find((c) => c.name === "cached_balances_match")!;
      expect(cached.ok).toBe(false);
      expect(cached.name === "cached_balances_match" && cached.offenders).toEqual([
        { accountId: mine.user_cash.id, type: "user_cash", cached: 300_001n, computed: 300_000n },
      ]);
      expect(health.checks.find((c) => c.name === "debits_equal_credits")!.ok).toBe(false);
    } finally {
      await getDb().execute(sql`update ledger_accounts set balance = balance - 1 where id = ${mine.user_cash.id}::uuid`);
    }
    expect((await ledgerHealth({ ctx })).ok).toBe(true);
  });
});
