import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { bankAccounts } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { requireRecentAuth } from "@/lib/auth/sessions";
import { LimitExceeded, parseInput, ValidationFailed } from "@/lib/errors";
import { AddBankAccountInput, BankAccountIdInput, MAX_BANK_ACCOUNTS } from "./schemas";
import { getBankAccountForUser, listBankAccountsOf, type BankAccountView, view } from "./internal/bank-accounts";

export async function listMyBankAccounts({ ctx }: { ctx: Ctx }): Promise<BankAccountView[]> {
  const actor = requireRole(ctx, "lender", "borrower");
  return listBankAccountsOf(dbOf(ctx), actor.userId);
}

/**
 * Saves a bank account (bank from the list, digits-only number, holder name) for withdrawals.
 * Needs a recent password, like every bank-account change (ReauthRequired after 15 minutes).
 */
export async function addBankAccount({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<BankAccountView> {
  const actor = requireRole(ctx, "lender", "borrower");
  const data = parseInput(AddBankAccountInput, input);
  requireRecentAuth(ctx);
  return withTransaction(ctx, async (tx) => {
    const saved = await tx
      .select({ id: bankAccounts.id, bankCode: bankAccounts.bankCode, accountNumber: bankAccounts.accountNumber })
      .from(bankAccounts)
      .where(and(eq(bankAccounts.userId, actor.userId), isNull(bankAccounts.removedAt)));
    if (saved.some((b) => b.bankCode === data.bankCode && b.accountNumber === data.accountNumber)) {
      throw new ValidationFailed({ accountNumber: "bankAccountExists" }, "This bank account is already saved.");
    }
    if (saved.length >= MAX_BANK_ACCOUNTS) {
      throw new LimitExceeded("bank_accounts_limit", `You can save at most ${MAX_BANK_ACCOUNTS} bank accounts.`);
    }
    const [row] = await tx
      .insert(bankAccounts)
      .values({ userId: actor.userId, bankCode: data.bankCode, accountNumber: data.accountNumber, holderName: data.holderName, createdAt: now() })
      .returning(view);
    return row!;
  });
}

/** Removes a saved bank account from the list (kept in the database: past withdrawals point at it). */
export async function removeBankAccount({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<void> {
  const actor = requireRole(ctx, "lender", "borrower");
  const { id } = parseInput(BankAccountIdInput, input);
  requireRecentAuth(ctx);
  await withTransaction(ctx, async (tx) => {
    const account = await getBankAccountForUser(tx, { id, userId: actor.userId });
    await tx.update(bankAccounts).set({ removedAt: now() }).where(eq(bankAccounts.id, account.id));
  });
}

