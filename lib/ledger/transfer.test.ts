import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { ledgerAccounts, ledgerTransfers } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { Conflict, InsufficientFunds, ValidationFailed } from "@/lib/errors";
import { createTestUser } from "@/lib/testing/factories";
import { testDatabaseKind } from "@/lib/testing/db";
import { ensurePlatformAccount, ensureUserAccount, ensureUserAccounts, getAccount } from "./internal/accounts";
import { computeLedgerHealth } from "./internal/health";
import { reverseTransfer, transfer, transferMany, type TransferInput } from "./internal/transfer";

const isPostgres = testDatabaseKind() === "postgres";
let seq = 0;
const key = (label: string) => `test:${label}:${++seq}:${Math.random().toString(36).slice(2)}`;

async function fundedUser(amount: bigint) {
  const { user } = await createTestUser("lender");
  const db = getDb();
  const accounts = await ensureUserAccounts(db, user.id);
  const clearing = await ensurePlatformAccount(db, "gateway_clearing");
  if (amount > 0n) {
    await db.transaction((tx) =>
      transfer(tx, {
        debit: clearing.id,
        credit: accounts.user_cash.id,
        amount,
        unit: "IDR",
        kind: "topup",
        idempotencyKey: key("fund"),
        reference: { type: "test", id: user.id },
      }),
    );
  }
  return { user, cash: accounts.user_cash, reserved: accounts.user_reserved, clearing };
}

const balanceOf = async (id: string) => (await getAccount(getDb(), id))!.balance;
const transfersWithKey = async (k: string) => getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.idempotencyKey, k));

describe("transfer", () => {
  it("moves money between two accounts: credits − debits, per unit summing to zero, time from the clock", async () => {
    setNow("2026-06-01T02:00:00Z");
    const { cash, reserved, clearing } = await fundedUser(100_000n);
    const before = await balanceOf(clearing.id);
    const k = key("hold");
    const { transfer: t, created } = await getDb().transaction((tx) =>
      transfer(tx, { debit: cash.id, credit: reserved.id, amount: 40_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: k, reference: { type: "withdrawal", id: "w1" } }),
    );
    expect(created).toBe(true);
    expect(t.amount).toBe(40_000n);
    expect(t.occurredAt.toISOString()).toBe("2026-06-01T02:00:00.000Z");
    expect(await balanceOf(cash.id)).toBe(60_000n);
    expect(await balanceOf(reserved.id)).toBe(40_000n);
    expect(await balanceOf(clearing.id)).toBe(before);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
    setNow(null);
  });

  it("returns the first transfer for a repeated idempotency key and moves nothing", async () => {
    const { cash, reserved } = await fundedUser(100_000n);
    const input: TransferInput = { debit: cash.id, credit: reserved.id, amount: 10_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: key("idem"), reference: { type: "t", id: "1" } };
    const first = await getDb().transaction((tx) => transfer(tx, input));
    const again = await getDb().transaction((tx) => transfer(tx, input));
    expect(again.created).toBe(false);
    expect(again.transfer.id).toBe(first.transfer.id);
    expect(await balanceOf(cash.id)).toBe(90_000n);
    expect(await transfersWithKey(input.idempotencyKey)).toHaveLength(1);
  });

  it("refuses a reused key with a different movement as a Conflict", async () => {
    const { cash, reserved } = await fundedUser(100_000n);
    const input: TransferInput = { debit: cash.id, credit: reserved.id, amount: 10_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: key("reuse"), reference: { type: "t", id: "1" } };
    await getDb().transaction((tx) => transfer(tx, input));
    const err = await getDb().transaction((tx) => transfer(tx, { ...input, amount: 20_000n })).catch((e) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect(err.code).toBe("idempotency_key_reused");
    expect(await balanceOf(cash.id)).toBe(90_000n);
  });

  it("refuses an overdraft in the database and records nothing", async () => {
    const { cash, reserved } = await fundedUser(5_000n);
    const k = key("overdraft");
    const err = await getDb()
      .transaction((tx) => transfer(tx, { debit: cash.id, credit: reserved.id, amount: 5_001n, unit: "IDR", kind: "withdrawal", idempotencyKey: k, reference: { type: "t", id: "1" } }))
      .catch((e) => e);
    expect(err).toBeInstanceOf(InsufficientFunds);
    expect(err.status).toBe(422);
    expect(await balanceOf(cash.id)).toBe(5_000n);
    expect(await transfersWithKey(k)).toHaveLength(0);
  });

  it("commits transfers that belong together all or none", async () => {
    const { cash, reserved } = await fundedUser(10_000n);
    const fee = await ensurePlatformAccount(getDb(), "withdrawal_fee_revenue");
    const k1 = key("batch1");
    const k2 = key("batch2");
    const err = await getDb()
      .transaction((tx) =>
        transferMany(tx, [
          { debit: cash.id, credit: reserved.id, amount: 8_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: k1, reference: { type: "t", id: "1" } },
          { debit: cash.id, credit: fee.id, amount: 3_000n, unit: "IDR", kind: "withdrawal_fee", idempotencyKey: k2, reference: { type: "t", id: "1" } },
        ]),
      )
      .catch((e) => e);
    expect(err).toBeInstanceOf(InsufficientFunds);
    expect(await transfersWithKey(k1)).toHaveLength(0);
    expect(await balanceOf(cash.id)).toBe(10_000n);
    expect(await balanceOf(reserved.id)).toBe(0n);
  });

  it("lets a caller catch InsufficientFunds and carry on in the same transaction", async () => {
    const { cash, reserved } = await fundedUser(10_000n);
    const ok = key("after");
    await getDb().transaction(async (tx) => {
      await expect(
        transfer(tx, { debit: cash.id, credit: reserved.id, amount: 20_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: key("too-much"), reference: { type: "t", id: "1" } }),
      ).rejects.toBeInstanceOf(InsufficientFunds);
      await transfer(tx, { debit: cash.id, credit: reserved.id, amount: 4_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: ok, reference: { type: "t", id: "2" } });
    });
    expect(await balanceOf(cash.id)).toBe(6_000n);
    expect(await transfersWithKey(ok)).toHaveLength(1);
  });

  it("refuses amounts that are not positive bigints", async () => {
    const { cash, reserved } = await fundedUser(10_000n);
    for (const amount of [0n, -1n, 5 as unknown as bigint, "5" as unknown as bigint, 2n ** 63n]) {
      const err = await getDb()
        .transaction((tx) => transfer(tx, { debit: cash.id, credit: reserved.id, amount, unit: "IDR", kind: "x", idempotencyKey: key("bad"), reference: { type: "t", id: "1" } }))
        .catch((e) => e);
      expect(err).toBeInstanceOf(ValidationFailed);
    }
    expect(await balanceOf(cash.id)).toBe(10_000n);
  });

  it("cannot move one unit into an account of another (foreign key on account and unit)", async () => {
    const { user, cash } = await fundedUser(10_000n);
    const gold = await ensureUserAccount(getDb(), user.id, "user_gold");
    expect(gold.unit).toBe("XAU");
    const err = await getDb()
      .transaction((tx) => transfer(tx, { debit: cash.id, credit: gold.id, amount: 1n, unit: "IDR", kind: "x", idempotencyKey: key("unit"), reference: { type: "t", id: "1" } }))
      .catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err.message)).toMatch(/unit/);
    expect(await balanceOf(cash.id)).toBe(10_000n);
  });

  it("is append-only: the database refuses to update or delete a transfer", async () => {
    const { cash } = await fundedUser(10_000n);
    const [t] = await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.creditAccountId, cash.id));
    await expect(getDb().execute(sql`update ledger_transfers set amount = 1 where id = ${t!.id.toString()}::bigint`)).rejects.toThrow();
    await expect(getDb().execute(sql`delete from ledger_transfers where id = ${t!.id.toString()}::bigint`)).rejects.toThrow();
    const [still] = await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.id, t!.id));
    expect(still!.amount).toBe(10_000n);
  });

  it("creates accounts once, even when asked twice", async () => {
    const { user } = await createTestUser("borrower");
    const a = await ensureUserAccounts(getDb(), user.id);
    const b = await ensureUserAccounts(getDb(), user.id);
    expect(b.user_cash.id).toBe(a.user_cash.id);
    const rows = await getDb().select().from(ledgerAccounts).where(eq(ledgerAccounts.ownerId, user.id));
    expect(rows).toHaveLength(2);
    const p1 = await ensurePlatformAccount(getDb(), "payout_clearing");
    const p2 = await ensurePlatformAccount(getDb(), "payout_clearing");
    expect(p2.id).toBe(p1.id);
  });
});

describe("reverseTransfer", () => {
  it("moves the amount back, points at the original, and happens once", async () => {
    const { cash, reserved } = await fundedUser(50_000n);
    const { transfer: original } = await getDb().transaction((tx) =>
      transfer(tx, { debit: cash.id, credit: reserved.id, amount: 20_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: key("orig"), reference: { type: "withdrawal", id: "w9" } }),
    );
    const rk = key("rev");
    const { transfer: reversal } = await getDb().transaction((tx) => reverseTransfer(tx, { transferId: original.id, idempotencyKey: rk, reason: "entered twice" }));
    expect(reversal.reversesTransferId).toBe(original.id);
    expect(reversal.debitAccountId).toBe(reserved.id);
    expect(reversal.kind).toBe("reversal");
    expect(reversal.metadata).toMatchObject({ reason: "entered twice", reversedKind: "withdrawal" });
    expect(await balanceOf(cash.id)).toBe(50_000n);

    const replay = await getDb().transaction((tx) => reverseTransfer(tx, { transferId: original.id, idempotencyKey: rk, reason: "entered twice" }));
    expect(replay.created).toBe(false);
    const twice = await getDb().transaction((tx) => reverseTransfer(tx, { transferId: original.id, idempotencyKey: key("rev2"), reason: "again" })).catch((e) => e);
    expect(twice).toBeInstanceOf(Conflict);
    expect(twice.code).toBe("already_reversed");
    const ofReversal = await getDb().transaction((tx) => reverseTransfer(tx, { transferId: reversal.id, idempotencyKey: key("rev3"), reason: "x" })).catch((e) => e);
    expect(ofReversal.code).toBe("cannot_reverse_reversal");
    expect(await balanceOf(cash.id)).toBe(50_000n);
  });

  it("cannot reverse money that has moved on", async () => {
    const { cash, reserved, clearing } = await fundedUser(0n);
    const { transfer: topup } = await getDb().transaction((tx) =>
      transfer(tx, { debit: clearing.id, credit: cash.id, amount: 30_000n, unit: "IDR", kind: "topup", idempotencyKey: key("tp"), reference: { type: "topup", id: "x" } }),
    );
    await getDb().transaction((tx) =>
      transfer(tx, { debit: cash.id, credit: reserved.id, amount: 25_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: key("spent"), reference: { type: "t", id: "1" } }),
    );
    const err = await getDb().transaction((tx) => reverseTransfer(tx, { transferId: topup.id, idempotencyKey: key("rv"), reason: "chargeback" })).catch((e) => e);
    expect(err).toBeInstanceOf(InsufficientFunds);
    expect(await balanceOf(cash.id)).toBe(5_000n);
  });
});

describe("under concurrency", () => {
  it("50 debits racing for one balance never overdraw it; every accepted one is in the ledger exactly once", async () => {
    const { cash, reserved } = await fundedUser(1_000_000n);
    const keys = Array.from({ length: 50 }, (_, i) => key(`race${i}`));
    const attempt = (k: string) =>
      getDb().transaction((tx) =>
        transfer(tx, { debit: cash.id, credit: reserved.id, amount: 30_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: k, reference: { type: "race", id: k } }),
      );
    let results: PromiseSettledResult<unknown>[];
    if (isPostgres) {
      // Real parallel connections (the test pool has 20): the row lock and the CHECK decide.
      results = await Promise.allSettled(keys.map(attempt));
    } else {
      results = [];
      for (const k of keys) results.push(...(await Promise.allSettled([attempt(k)])));
    }
    const accepted = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected");
    expect(accepted).toBe(33);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(InsufficientFunds);
    expect(await balanceOf(cash.id)).toBe(10_000n);
    expect(await balanceOf(reserved.id)).toBe(990_000n);
    const rows = await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.referenceType, "race"));
    expect(rows).toHaveLength(33);
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(33);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
  });

  it.runIf(isPostgres)("10 concurrent transfers with one key move money once", async () => {
    const { cash, reserved } = await fundedUser(100_000n);
    const k = key("same");
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        getDb().transaction((tx) => transfer(tx, { debit: cash.id, credit: reserved.id, amount: 7_000n, unit: "IDR", kind: "withdrawal", idempotencyKey: k, reference: { type: "t", id: "1" } })),
      ),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(results.filter((r) => r.status === "fulfilled" && (r.value as { created: boolean }).created)).toHaveLength(1);
    expect(await balanceOf(cash.id)).toBe(93_000n);
    expect(await transfersWithKey(k)).toHaveLength(1);
  });

  it.runIf(isPostgres)("opposite transfers between two accounts at once do not deadlock (fixed lock order)", async () => {
    const a = await fundedUser(1_000_000n);
    const b = await fundedUser(1_000_000n);
    const jobs = Array.from({ length: 40 }, (_, i) =>
      getDb().transaction((tx) =>
        transferMany(tx, [
          i % 2 === 0
            ? { debit: a.cash.id, credit: b.cash.id, amount: 1_000n, unit: "IDR", kind: "p2p", idempotencyKey: key("ab"), reference: { type: "t", id: String(i) } }
            : { debit: b.cash.id, credit: a.cash.id, amount: 1_000n, unit: "IDR", kind: "p2p", idempotencyKey: key("ba"), reference: { type: "t", id: String(i) } },
          { debit: a.clearing.id, credit: i % 2 === 0 ? a.reserved.id : b.reserved.id, amount: 1n, unit: "IDR", kind: "x", idempotencyKey: key("c"), reference: { type: "t", id: String(i) } },
        ]),
      ),
    );
    const results = await Promise.allSettled(jobs);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await balanceOf(a.cash.id)).toBe(1_000_000n);
    expect(await balanceOf(b.cash.id)).toBe(1_000_000n);
  });
});
