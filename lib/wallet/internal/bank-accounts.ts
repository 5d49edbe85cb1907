import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { bankAccounts, type BankAccount } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { BankAccountIdInput } from "../schemas";

export type BankAccountView = Pick<BankAccount, "id" | "bankCode" | "accountNumber" | "holderName" | "createdAt">;

export const view = {
  id: bankAccounts.id,
  bankCode: bankAccounts.bankCode,
  accountNumber: bankAccounts.accountNumber,
  holderName: bankAccounts.holderName,
  createdAt: bankAccounts.createdAt,
};

/** The user's saved (not removed) bank account, or NotFound, whoever else's id it is. */
export async function getBankAccountForUser(db: DbOrTx, { id, userId }: { id: unknown; userId: string }): Promise<BankAccount> {
  const parsed = BankAccountIdInput.safeParse({ id });
  if (!parsed.success) throw new NotFound("The bank account", "bank_account_not_found");
  const [row] = await db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.id, parsed.data.id), eq(bankAccounts.userId, userId), isNull(bankAccounts.removedAt)))
    .limit(1);
  if (!row) throw new NotFound("The bank account", "bank_account_not_found");
  return row;
}

export async function listBankAccountsOf(db: DbOrTx, userId: string): Promise<BankAccountView[]> {
  return db
    .select(view)
    .from(bankAccounts)
    .where(and(eq(bankAccounts.userId, userId), isNull(bankAccounts.removedAt)))
    .orderBy(asc(bankAccounts.createdAt), asc(bankAccounts.id));
}
