import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adminAuditLog, events, withdrawals } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { Conflict, InsufficientFunds, NotFound, ValidationFailed } from "@/lib/errors";
import { computeLedgerHealth, ensurePlatformAccount } from "@/lib/ledger";
import { createTestUser } from "@/lib/testing/factories";
import { testDatabaseKind } from "@/lib/testing/db";
import { getMyWallet, getUserWalletForAdmin } from "./balances";
import { addBankAccount, listMyBankAccounts, removeBankAccount } from "./bank-accounts";
import { getWalletSettings, updateWalletSettings } from "./settings";
import { saveBankAccount, topUpThroughSandbox } from "./test-helpers";
import { approveWithdrawal, listMyWithdrawals, listWithdrawalQueue, rejectWithdrawal, requestWithdrawal } from "./withdrawals";

process.env.PAYMENT_WEBHOOK_SECRET = "wallet-test-secret-0123456789";
const isPostgres = testDatabaseKind() === "postgres";

beforeEach(() => setNow("2026-08-01T03:00:00Z"));

async function fundedLender(amount: bigint) {
  const lender = await createTestUser("lender");
  await topUpThroughSandbox(lender.ctx, amount);
  const bank = await saveBankAccount(lender.ctx);
  return { ...lender, bank };
}

const wallet = (ctx: Parameters<typeof getMyWallet>[0]["ctx"]) => getMyWallet({ ctx });
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);
const admin = () => createTestUser("admin");

describe("bank accounts", () => {
  it("saves digits only and lists the user's own", async () => {
    const { ctx } = await createTestUser("borrower");
    const saved = await addBankAccount({ ctx, input: { bankCode: "MANDIRI", accountNumber: "123-456 7890", holderName: "  Budi Santoso " } });
    expect(saved).toMatchObject({ bankCode: "MANDIRI", accountNumber: "1234567890", holderName: "Budi Santoso" });
    expect((await listMyBankAccounts({ ctx })).map((b) => b.id)).toEqual([saved.id]);
  });

  it("refuses letters in the number, unknown banks, duplicates and admins", async () => {
    const { ctx } = await createTestUser("lender");
    expect((await rejected(addBankAccount({ ctx, input: { bankCode: "BCA", accountNumber: "12ab5678", holderName: "Sari" } }))).fields).toEqual({
      accountNumber: "accountNumberDigits",
    });
    expect((await rejected(addBankAccount({ ctx, input: { bankCode: "XYZ", accountNumber: "12345678", holderName: "Sari" } }))).fields).toEqual({
      bankCode: "bankRequired",
    });
    await saveBankAccount(ctx, "5555555555");
    expect((await rejected(saveBankAccount(ctx, "5555555555"))).fields).toEqual({ accountNumber: "bankAccountExists" });
    await expect(saveBankAccount((await admin()).ctx)).rejects.toMatchObject({ status: 403 });
  });

  it("removes only the user's own accounts", async () => {
    const a = await createTestUser("lender");
    const b = await createTestUser("lender");
    const account = await saveBankAccount(a.ctx);
    await expect(removeBankAccount({ ctx: b.ctx, input: { id: account.id } })).rejects.toBeInstanceOf(NotFound);
    await removeBankAccount({ ctx: a.ctx, input: { id: account.id } });
    expect(await listMyBankAccounts({ ctx: a.ctx })).toEqual([]);
  });
});

describe("requestWithdrawal", () => {
  it("moves the amount from available to reserved at once and waits for an admin above the threshold", async () => {
    const { user, ctx, bank } = await fundedLender(5_000_000n);
    const w = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: "2000000" } });
    expect(w).toMatchObject({ status: "requested", amount: 2_000_000n, fee: 0n, bankCode: "BCA", accountNumber: "1234567890", decidedBy: null });
    expect(await wallet(ctx)).toEqual({ unit: "IDR", available: 3_000_000n, reserved: 2_000_000n, total: 5_000_000n });
    const [event] = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "withdrawal_requested")));
    expect(event?.properties).toMatchObject({ withdrawalId: w.id, amount: "2000000", fee: "0" });
    expect((await listMyWithdrawals({ ctx })).items.map((x) => x.id)).toEqual([w.id]);
  });

  it("pays out at once below the auto-approval threshold", async () => {
    const { user, ctx, bank } = await fundedLender(1_000_000n);
    const w = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 99_999 } });
    expect(w.status).toBe("paid");
    expect(w.decidedBy).toBeNull();
    expect(w.payoutReference).toMatch(/^SBXPO-/);
    expect(await wallet(ctx)).toMatchObject({ available: 900_001n, reserved: 0n });
    const names = (await getDb().select().from(events).where(eq(events.userId, user.id))).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["withdrawal_requested", "withdrawal_paid"]));
  });

  it("refuses someone else's bank account with NotFound and changes nothing", async () => {
    const { ctx } = await fundedLender(2_000_000n);
    const other = await createTestUser("lender");
    const theirs = await saveBankAccount(other.ctx, "99999999");
    const err = await rejected(requestWithdrawal({ ctx, input: { bankAccountId: theirs.id, amount: 1_500_000 } }));
    expect(err).toBeInstanceOf(NotFound);
    expect(err.status).toBe(404);
    expect(await wallet(ctx)).toMatchObject({ available: 2_000_000n, reserved: 0n });
    expect(await getDb().select().from(withdrawals).where(eq(withdrawals.bankAccountId, theirs.id))).toEqual([]);
  });

  it("refuses more than is available, bad amounts and admins; nothing changes", async () => {
    const { user, ctx, bank } = await fundedLender(1_500_000n);
    expect(await rejected(requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 1_500_001 } }))).toBeInstanceOf(InsufficientFunds);
    for (const amount of [-10_000, 0, "15000.50", "1e7", "abc", "99999999999999999999", 9_999, 1_000_000_001]) {
      const err = await rejected(requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount } }));
      expect(err).toBeInstanceOf(ValidationFailed);
      expect(Object.keys(err.fields)).toEqual(["amount"]);
    }
    expect((await rejected(requestWithdrawal({ ctx, input: { bankAccountId: "nope", amount: 20_000 } }))).fields).toEqual({ bankAccountId: "bankAccountRequired" });
    await expect(requestWithdrawal({ ctx: (await admin()).ctx, input: { bankAccountId: bank.id, amount: 20_000 } })).rejects.toMatchObject({ status: 403 });
    expect(await wallet(ctx)).toMatchObject({ available: 1_500_000n, reserved: 0n });
    expect(await getDb().select().from(withdrawals).where(eq(withdrawals.userId, user.id))).toEqual([]);
  });

  it("never lets concurrent withdrawals spend the same money twice", async () => {
    const { ctx, bank } = await fundedLender(10_000_000n);
    const attempts = Array.from({ length: 10 }, () => () => requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 3_000_000 } }));
    const results = isPostgres
      ? await Promise.allSettled(attempts.map((a) => a()))
      : await attempts.reduce<Promise<PromiseSettledResult<unknown>[]>>(async (acc, a) => [...(await acc), ...(await Promise.allSettled([a()]))], Promise.resolve([]));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InsufficientFunds);
    expect(await wallet(ctx)).toMatchObject({ available: 1_000_000n, reserved: 9_000_000n });
  });
});

describe("admin decisions", () => {
  it("approves: paid out through the gateway, reserved → payout clearing, audited, withdrawal_paid", async () => {
    const { user, ctx, bank } = await fundedLender(3_000_000n);
    const w = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 2_000_000 } });
    const a = await admin();
    const payoutBefore = (await ensurePlatformAccount(getDb(), "payout_clearing")).balance;
    const queue = await listWithdrawalQueue({ ctx: a.ctx });
    expect(queue.items.find((x) => x.id === w.id)?.user).toMatchObject({ id: user.id, email: user.email });
    const paid = await approveWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id } });
    expect(paid).toMatchObject({ status: "paid", decidedBy: a.user.id });
    expect(paid.payoutReference).toMatch(/^SBXPO-/);
    expect(await wallet(ctx)).toMatchObject({ available: 1_000_000n, reserved: 0n });
    expect((await ensurePlatformAccount(getDb(), "payout_clearing")).balance - payoutBefore).toBe(2_000_000n);
    expect(await getDb().select().from(adminAuditLog).where(eq(adminAuditLog.subjectId, w.id))).toHaveLength(1);
    expect(await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "withdrawal_paid")))).toHaveLength(1);
    expect((await listWithdrawalQueue({ ctx: a.ctx })).items.find((x) => x.id === w.id)).toBeUndefined();
    // Decided once only.
    expect(await rejected(approveWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id } }))).toBeInstanceOf(Conflict);
    expect(await rejected(rejectWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id, reason: "too late" } }))).toBeInstanceOf(Conflict);
  });

  it("rejects with a reason: reserved → available, withdrawal_rejected", async () => {
    const { user, ctx, bank } = await fundedLender(3_000_000n);
    const w = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 2_500_000 } });
    const a = await admin();
    expect((await rejected(rejectWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id, reason: " " } }))).fields).toEqual({ reason: "required" });
    const r = await rejectWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id, reason: "Name does not match the account" } });
    expect(r).toMatchObject({ status: "rejected", reason: "Name does not match the account", decidedBy: a.user.id });
    expect(await wallet(ctx)).toMatchObject({ available: 3_000_000n, reserved: 0n });
    const [event] = await getDb().select().from(events).where(and(eq(events.userId, user.id), eq(events.name, "withdrawal_rejected")));
    expect(event?.properties).toMatchObject({ withdrawalId: w.id, reason: "Name does not match the account" });
  });

  it("is for admins only, and unknown ids are NotFound", async () => {
    const { ctx, bank } = await fundedLender(2_000_000n);
    const w = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 1_500_000 } });
    await expect(approveWithdrawal({ ctx, input: { withdrawalId: w.id } })).rejects.toMatchObject({ status: 403 });
    await expect(rejectWithdrawal({ ctx, input: { withdrawalId: w.id, reason: "mine" } })).rejects.toMatchObject({ status: 403 });
    await expect(listWithdrawalQueue({ ctx })).rejects.toMatchObject({ status: 403 });
    const a = await admin();
    await expect(approveWithdrawal({ ctx: a.ctx, input: { withdrawalId: crypto.randomUUID() } })).rejects.toBeInstanceOf(NotFound);
  });

  it("settles a race between approval and rejection with exactly one decision", async () => {
    const { ctx, bank } = await fundedLender(4_000_000n);
    const w = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 3_000_000 } });
    const a = await admin();
    const results = await Promise.allSettled([
      approveWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id } }),
      rejectWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id, reason: "racing" } }),
      approveWithdrawal({ ctx: a.ctx, input: { withdrawalId: w.id } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(Conflict);
    const my = await wallet(ctx);
    expect(my.reserved).toBe(0n);
    expect([1_000_000n, 4_000_000n]).toContain(my.available);
    expect((await computeLedgerHealth(getDb())).ok).toBe(true);
  });
});

describe("fees and settings", () => {
  it("charges the configured fee on top: kept when paid, refunded when rejected", async () => {
    const a = await admin();
    expect(await getWalletSettings({ ctx: a.ctx })).toEqual({ withdrawalFee: 0n, autoApproveBelow: 100_000n });
    await updateWalletSettings({ ctx: a.ctx, input: { withdrawalFee: "2500", autoApproveBelow: "0" } });
    try {
      const { ctx, bank } = await fundedLender(1_005_000n);
      const feeBefore = (await ensurePlatformAccount(getDb(), "withdrawal_fee_revenue")).balance;
      expect(await rejected(requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 1_003_000 } }))).toBeInstanceOf(InsufficientFunds);
      const w1 = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 500_000 } });
      expect(w1).toMatchObject({ status: "requested", fee: 2_500n });
      expect(await wallet(ctx)).toMatchObject({ available: 502_500n, reserved: 502_500n });
      await rejectWithdrawal({ ctx: a.ctx, input: { withdrawalId: w1.id, reason: "check" } });
      expect(await wallet(ctx)).toMatchObject({ available: 1_005_000n, reserved: 0n });
      const w2 = await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 1_002_500 } });
      await approveWithdrawal({ ctx: a.ctx, input: { withdrawalId: w2.id } });
      expect(await wallet(ctx)).toMatchObject({ available: 0n, reserved: 0n });
      expect((await ensurePlatformAccount(getDb(), "withdrawal_fee_revenue")).balance - feeBefore).toBe(2_500n);
    } finally {
      await updateWalletSettings({ ctx: a.ctx, input: { withdrawalFee: 0, autoApproveBelow: 1_000_000 } });
    }
  });

  it("only admins change settings, with valid amounts", async () => {
    const { ctx } = await createTestUser("lender");
    await expect(updateWalletSettings({ ctx, input: { withdrawalFee: 0, autoApproveBelow: 0 } })).rejects.toMatchObject({ status: 403 });
    const a = await admin();
    expect((await rejected(updateWalletSettings({ ctx: a.ctx, input: { withdrawalFee: "-1", autoApproveBelow: "0" } }))).fields).toEqual({ withdrawalFee: "amountInvalid" });
  });
});

describe("admin wallet view", () => {
  it("shows a user's wallet, bank accounts, top-ups and withdrawals", async () => {
    const { user, ctx, bank } = await fundedLender(2_000_000n);
    await requestWithdrawal({ ctx, input: { bankAccountId: bank.id, amount: 1_200_000 } });
    const a = await admin();
    const view = await getUserWalletForAdmin({ ctx: a.ctx, input: { userId: user.id } });
    expect(view.wallet).toEqual({ unit: "IDR", available: 800_000n, reserved: 1_200_000n, total: 2_000_000n });
    expect(view.bankAccounts.map((b) => b.id)).toEqual([bank.id]);
    expect(view.recentTopUps[0]?.status).toBe("paid");
    expect(view.recentWithdrawals).toHaveLength(1);
    await expect(getUserWalletForAdmin({ ctx, input: { userId: user.id } })).rejects.toMatchObject({ status: 403 });
    await expect(getUserWalletForAdmin({ ctx: a.ctx, input: { userId: crypto.randomUUID() } })).rejects.toBeInstanceOf(NotFound);
  });
});
