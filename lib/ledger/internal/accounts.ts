import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { ledgerAccounts, type LedgerAccount } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { uuidArray } from "@/db/sql-arrays";
import { now } from "@/lib/clock";
import { ACCOUNT_TYPES, type AccountType, type LoanAccountType, type PlatformAccountType, type UserAccountType } from "../account-types";

type Owner = { ownerType: "user" | "loan"; ownerId: string } | { ownerType: "platform"; ownerId: null };

/**
 * Creates the owner's accounts of the given types if missing (INSERT … ON CONFLICT DO NOTHING, so two
 * transactions creating them at once both end up with the same rows), then returns them by type.
 */
async function ensureAccounts<T extends AccountType>(db: DbOrTx, owner: Owner, types: readonly T[]): Promise<Record<T, LedgerAccount>> {
  const at = now();
  await db
    .insert(ledgerAccounts)
    .values(
      types.map((type) => ({
        ownerType: owner.ownerType,
        ownerId: owner.ownerId,
        type,
        unit: ACCOUNT_TYPES[type].unit,
        allowNegative: ACCOUNT_TYPES[type].allowNegative,
        createdAt: at,
      })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.ownerType, owner.ownerType),
        owner.ownerId === null ? isNull(ledgerAccounts.ownerId) : eq(ledgerAccounts.ownerId, owner.ownerId),
        inArray(ledgerAccounts.type, [...types]),
      ),
    );
  const byType = {} as Record<T, LedgerAccount>;
  for (const type of types) {
    const row = rows.find((r) => r.type === type && r.unit === ACCOUNT_TYPES[type].unit);
    if (!row) throw new Error(`ledger account ${owner.ownerType}/${type} could not be created`);
    byType[type] = row;
  }
  return byType;
}

/** A user's rupiah accounts: cash (available) and reserved. Created on first use. */
export async function ensureUserAccounts(db: DbOrTx, userId: string) {
  return ensureAccounts(db, { ownerType: "user", ownerId: userId }, ["user_cash", "user_reserved"] as const);
}

export async function ensureUserAccount(db: DbOrTx, userId: string, type: UserAccountType): Promise<LedgerAccount> {
  return (await ensureAccounts(db, { ownerType: "user", ownerId: userId }, [type]))[type];
}

/**
 * Locks the given accounts (FOR NO KEY UPDATE, in id order — the order transferMany locks in, so no
 * deadlock with a transfer) until the end of the caller's transaction, and returns them as they are
 * now. Used to serialise a user's purchases before a limit is read (lib/loans invest, investMany): a
 * statement run after this one sees everything committed by whoever held the lock before.
 */
export async function lockAccounts(tx: DbOrTx, accountIds: readonly string[]): Promise<{ id: string; balance: bigint }[]> {
  if (accountIds.length === 0) return [];
  const rows = rowsOf<{ id: string; balance: string }>(
    await tx.execute(sql`select id, balance::text from ledger_accounts where id = any(${uuidArray([...accountIds])}) order by id for no key update`),
  );
  return rows.map((r) => ({ id: r.id, balance: BigInt(r.balance) }));
}

export async function ensureLoanAccount(db: DbOrTx, loanId: string, type: LoanAccountType): Promise<LedgerAccount> {
  return (await ensureAccounts(db, { ownerType: "loan", ownerId: loanId }, [type]))[type];
}

/** The platform's account of a type (one per type and unit), e.g. gateway_clearing. */
export async function ensurePlatformAccount(db: DbOrTx, type: PlatformAccountType): Promise<LedgerAccount> {
  return (await ensureAccounts(db, { ownerType: "platform", ownerId: null }, [type]))[type];
}

export type UserCashBalances = { available: bigint; reserved: bigint };

/** Available and reserved rupiah of a user; zero when the accounts do not exist yet (reads create nothing). */
export async function readUserCashBalances(db: DbOrTx, userId: string): Promise<UserCashBalances> {
  const rows = await db
    .select({ type: ledgerAccounts.type, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.ownerType, "user"),
        eq(ledgerAccounts.ownerId, userId),
        eq(ledgerAccounts.unit, "IDR"),
        inArray(ledgerAccounts.type, ["user_cash", "user_reserved"]),
      ),
    );
  return {
    available: rows.find((r) => r.type === "user_cash")?.balance ?? 0n,
    reserved: rows.find((r) => r.type === "user_reserved")?.balance ?? 0n,
  };
}

/** One account by id (the balance is the cached one; see health for the proof it is right). */
export async function getAccount(db: DbOrTx, id: string): Promise<LedgerAccount | undefined> {
  const [row] = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, id)).limit(1);
  return row;
}

/** Balances summed by type and unit across all owners (e.g. all user cash). */
export async function totalByType(db: DbOrTx, type: AccountType): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerAccounts.balance}), 0)::text` })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.type, type));
  return BigInt(row?.total ?? "0");
}
