import "server-only";
import crypto from "node:crypto";
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { bankAccounts, users, withdrawals, type BankAccount, type Withdrawal } from "@/db/schema";
import { recordAdminDecision } from "@/lib/audit";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { requireRecentAuth } from "@/lib/auth/sessions";
import { Conflict, InsufficientFunds, NotFound, parseInput } from "@/lib/errors";
import { track } from "@/lib/engagement";
import { ensurePlatformAccount, ensureUserAccounts, transferMany, type TransferInput } from "@/lib/ledger";
import { explainAmountError } from "@/lib/money/rupiah";
import { paymentProvider } from "@/lib/payments";
import { getBankAccountForUser } from "./internal/bank-accounts";
import {
  ApproveWithdrawalInput,
  MovementPageInput,
  RejectWithdrawalInput,
  RequestWithdrawalInput,
  WITHDRAWAL_MAX,
  WITHDRAWAL_MIN,
  WithdrawalQueueInput,
} from "./schemas";
import { readWalletSettings } from "./internal/settings";

/**
 * Withdrawals. Requesting one moves amount + fee from the user's cash to their reserved account at
 * once (so it cannot be spent twice); approval pays out through the gateway (reserved → payout
 * clearing, fee → withdrawal fee revenue); rejection gives it back (reserved → cash). Every state
 * change holds the withdrawal's row lock, so an approval and a rejection racing each other cannot
 * both happen.
 */
export type WithdrawalView = Omit<Withdrawal, "decidedBy"> & { decidedBy: string | null; bankCode: string; accountNumber: string; holderName: string };

const ref = (w: Pick<Withdrawal, "id">) => ({ type: "withdrawal", id: w.id });

/** Pays out a locked, requested withdrawal: ledger first (in the caller's transaction), then the gateway. */
async function payOut(tx: Tx, w: Withdrawal, bank: BankAccount, decidedBy: string | null): Promise<Withdrawal> {
  const [reserved, payoutClearing, feeRevenue] = await Promise.all([
    ensureUserAccounts(tx, w.userId).then((a) => a.user_reserved),
    ensurePlatformAccount(tx, "payout_clearing"),
    ensurePlatformAccount(tx, "withdrawal_fee_revenue"),
  ]);
  const moves: TransferInput[] = [
    {
      debit: reserved.id,
      credit: payoutClearing.id,
      amount: w.amount,
      unit: "IDR",
      kind: "withdrawal_payout",
      idempotencyKey: `withdrawal:${w.id}:payout`,
      reference: ref(w),
    },
  ];
  if (w.fee > 0n) {
    moves.push({
      debit: reserved.id,
      credit: feeRevenue.id,
      amount: w.fee,
      unit: "IDR",
      kind: "withdrawal_fee_collected",
      idempotencyKey: `withdrawal:${w.id}:fee`,
      reference: ref(w),
    });
  }
  await transferMany(tx, moves);
  // After the ledger accepted the movement; the withdrawal id is the gateway's idempotency key. If the
  // gateway fails, the transaction rolls back and the withdrawal stays requested.
  const payout = await paymentProvider().createPayout({
    reference: w.id,
    amount: w.amount,
    bankCode: bank.bankCode,
    accountNumber: bank.accountNumber,
    holderName: bank.holderName,
  });
  const at = now();
  const [updated] = await tx
    .update(withdrawals)
    .set({ status: payout.status === "paid" ? "paid" : "approved", decidedBy, decidedAt: at, payoutReference: payout.payoutReference })
    .where(eq(withdrawals.id, w.id))
    .returning();
  if (payout.status === "paid") {
    await track(tx, {
      name: "withdrawal_paid",
      userId: w.userId,
      properties: { withdrawalId: w.id, amount: w.amount, fee: w.fee, bank: bank.bankCode, automatic: decidedBy === null },
    });
  }
  return updated!;
}

function toView(w: Withdrawal, bank: Pick<BankAccount, "bankCode" | "accountNumber" | "holderName">): WithdrawalView {
  return { ...w, bankCode: bank.bankCode, accountNumber: bank.accountNumber, holderName: bank.holderName };
}

/**
 * A lender or borrower withdraws to one of their saved bank accounts. Amount + fee leave available
 * cash at once (InsufficientFunds if there is not enough, decided by the database); under the
 * configured threshold the withdrawal is approved and paid out in the same transaction.
 * Needs a recent password (ReauthRequired, 403 `reauth_required`, after 15 minutes).
 */
export async function requestWithdrawal({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<WithdrawalView> {
  const actor = requireRole(ctx, "lender", "borrower");
  const data = explainAmountError(() => parseInput(RequestWithdrawalInput, input), { min: WITHDRAWAL_MIN, max: WITHDRAWAL_MAX });
  // Money leaving: the password must have been given in this session within 15 minutes.
  requireRecentAuth(ctx);
  return withTransaction(ctx, async (tx) => {
    const bank = await getBankAccountForUser(tx, { id: data.bankAccountId, userId: actor.userId });
    const settings = await readWalletSettings(tx);
    const accounts = await ensureUserAccounts(tx, actor.userId);
    const fee = settings.withdrawalFee;
    const id = crypto.randomUUID();
    const [created] = await tx
      .insert(withdrawals)
      .values({ id, userId: actor.userId, bankAccountId: bank.id, amount: data.amount, fee, status: "requested", createdAt: now() })
      .returning();
    let w = created!;
    const hold: TransferInput[] = [
      {
        debit: accounts.user_cash.id,
        credit: accounts.user_reserved.id,
        amount: data.amount,
        unit: "IDR",
        kind: "withdrawal",
        idempotencyKey: `withdrawal:${id}:hold`,
        reference: ref(w),
      },
    ];
    if (fee > 0n) {
      hold.push({
        debit: accounts.user_cash.id,
        credit: accounts.user_reserved.id,
        amount: fee,
        unit: "IDR",
        kind: "withdrawal_fee",
        idempotencyKey: `withdrawal:${id}:fee_hold`,
        reference: ref(w),
      });
    }
    try {
      await transferMany(tx, hold);
    } catch (e) {
      if (e instanceof InsufficientFunds) {
        throw new InsufficientFunds(
          fee > 0n ? "Your available balance does not cover this withdrawal and its fee." : "Your available balance does not cover this withdrawal.",
          { amount: data.amount.toString(), fee: fee.toString() },
        );
      }
      throw e;
    }
    await track(tx, {
      name: "withdrawal_requested",
      userId: actor.userId,
      properties: { withdrawalId: id, amount: data.amount, fee, bank: bank.bankCode },
      context: ctx.request,
    });
    if (data.amount < settings.autoApproveBelow) w = await payOut(tx, w, bank, null);
    return toView(w, bank);
  });
}

async function lockRequested(tx: Tx, withdrawalId: string): Promise<{ w: Withdrawal; bank: BankAccount }> {
  const [w] = await tx.select().from(withdrawals).where(eq(withdrawals.id, withdrawalId)).for("update").limit(1);
  if (!w) throw new NotFound("The withdrawal");
  if (w.status !== "requested") {
    throw new Conflict("withdrawal_already_decided", `This withdrawal was already ${w.status}.`, { status: w.status });
  }
  const [bank] = await tx.select().from(bankAccounts).where(eq(bankAccounts.id, w.bankAccountId)).limit(1);
  return { w, bank: bank! };
}

/** Admin: approve a requested withdrawal; it is paid out through the gateway. */
export async function approveWithdrawal({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<WithdrawalView> {
  const actor = requireRole(ctx, "admin");
  const { withdrawalId } = parseInput(ApproveWithdrawalInput, input);
  return withTransaction(ctx, async (tx) => {
    const { w, bank } = await lockRequested(tx, withdrawalId);
    const paid = await payOut(tx, w, bank, actor.userId);
    await recordAdminDecision(tx, ctx, {
      action: "withdrawal.approved",
      subject: { type: "withdrawal", id: w.id },
      before: { status: w.status },
      after: { status: paid.status },
      details: { amount: w.amount, fee: w.fee, userId: w.userId, payoutReference: paid.payoutReference },
    });
    return toView(paid, bank);
  });
}

/** Admin: reject a requested withdrawal with a reason; amount and fee go back to available cash. */
export async function rejectWithdrawal({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<WithdrawalView> {
  const actor = requireRole(ctx, "admin");
  const { withdrawalId, reason } = parseInput(RejectWithdrawalInput, input);
  return withTransaction(ctx, async (tx) => {
    const { w, bank } = await lockRequested(tx, withdrawalId);
    const accounts = await ensureUserAccounts(tx, w.userId);
    await transferMany(tx, [
      {
        debit: accounts.user_reserved.id,
        credit: accounts.user_cash.id,
        amount: w.amount + w.fee,
        unit: "IDR",
        kind: "withdrawal_refund",
        idempotencyKey: `withdrawal:${w.id}:refund`,
        reference: ref(w),
        metadata: { reason },
      },
    ]);
    const at = now();
    const [rejected] = await tx
      .update(withdrawals)
      .set({ status: "rejected", reason, decidedBy: actor.userId, decidedAt: at })
      .where(eq(withdrawals.id, w.id))
      .returning();
    await recordAdminDecision(tx, ctx, {
      action: "withdrawal.rejected",
      subject: { type: "withdrawal", id: w.id },
      reason,
      before: { status: w.status },
      after: { status: "rejected" },
      details: { amount: w.amount, fee: w.fee, userId: w.userId },
    });
    await track(tx, { name: "withdrawal_rejected", userId: w.userId, properties: { withdrawalId: w.id, amount: w.amount, fee: w.fee, reason } });
    return toView(rejected!, bank);
  });
}

const withBank = {
  withdrawal: withdrawals,
  bankCode: bankAccounts.bankCode,
  accountNumber: bankAccounts.accountNumber,
  holderName: bankAccounts.holderName,
};

/** The signed-in user's withdrawals, newest first. */
export async function listMyWithdrawals({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  const actor = requireRole(ctx, "lender", "borrower");
  const p = parseInput(MovementPageInput, input);
  const db = dbOf(ctx);
  const [rows, [total]] = await Promise.all([
    db
      .select(withBank)
      .from(withdrawals)
      .innerJoin(bankAccounts, eq(bankAccounts.id, withdrawals.bankAccountId))
      .where(eq(withdrawals.userId, actor.userId))
      .orderBy(desc(withdrawals.createdAt), desc(withdrawals.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(withdrawals).where(eq(withdrawals.userId, actor.userId)),
  ]);
  return { items: rows.map((r) => toView(r.withdrawal, r)), total: total?.total ?? 0, page: p.page, pageSize: p.pageSize };
}

/** Admin: withdrawals in a status (default: waiting for a decision), oldest first, with who asked. */
export async function listWithdrawalQueue({ ctx, input = {} }: { ctx: Ctx; input?: unknown }) {
  requireRole(ctx, "admin");
  const p = parseInput(WithdrawalQueueInput, input);
  const db = dbOf(ctx);
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...withBank, userName: users.fullName, userEmail: users.email, userRole: users.role })
      .from(withdrawals)
      .innerJoin(bankAccounts, eq(bankAccounts.id, withdrawals.bankAccountId))
      .innerJoin(users, eq(users.id, withdrawals.userId))
      .where(eq(withdrawals.status, p.status))
      .orderBy(p.status === "requested" ? asc(withdrawals.createdAt) : desc(withdrawals.createdAt), asc(withdrawals.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ total: count() }).from(withdrawals).where(and(eq(withdrawals.status, p.status))),
  ]);
  return {
    items: rows.map((r) => ({ ...toView(r.withdrawal, r), user: { id: r.withdrawal.userId, fullName: r.userName, email: r.userEmail, role: r.userRole } })),
    total: total?.total ?? 0,
    page: p.page,
    pageSize: p.pageSize,
    status: p.status,
  };
}
