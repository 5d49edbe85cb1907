import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { ledgerTransfers, type LedgerTransfer, type LedgerUnit } from "@/db/schema";
import { now } from "@/lib/clock";
import { Conflict, InsufficientFunds, NotFound, ValidationFailed } from "@/lib/errors";
import { CHECK_VIOLATION, FOREIGN_KEY_VIOLATION, pgErrorOf, UNIQUE_VIOLATION } from "../pg-errors";
import { executePrepared } from "@/db/prepared";
import { uuidArray } from "@/db/sql-arrays";

export const MAX_TRANSFER_AMOUNT = 2n ** 62n;

export type TransferReference = { type: string; id: string };

export type TransferInput = {
  /** Account ids. Balance = credits − debits: the debited account loses, the credited one gains. */
  debit: string;
  credit: string;
  amount: bigint;
  unit: LedgerUnit;
  /** What kind of movement (topup, withdrawal, withdrawal_fee, withdrawal_refund, reversal…). */
  kind: string;
  /** Unique for ever: the same key again returns the first transfer and moves nothing. */
  idempotencyKey: string;
  reference: TransferReference;
  metadata?: Record<string, unknown>;
  reversesTransferId?: bigint;
};

export type TransferResult = { transfer: LedgerTransfer; created: boolean };

function validate(input: TransferInput): void {
  if (typeof input.amount !== "bigint" || input.amount <= 0n || input.amount > MAX_TRANSFER_AMOUNT) {
    throw new ValidationFailed({ amount: "amountInvalid" }, "A transfer amount must be a positive whole number.");
  }
  if (input.debit === input.credit) throw new Error("ledger: a transfer needs two different accounts");
  if (!input.idempotencyKey) throw new Error("ledger: a transfer needs an idempotency key");
}

function sameMovement(existing: LedgerTransfer, input: TransferInput): boolean {
  return (
    existing.debitAccountId === input.debit &&
    existing.creditAccountId === input.credit &&
    existing.amount === input.amount &&
    existing.unit === input.unit
  );
}

/** One transfer; see transferMany. */
export async function transfer(tx: DbOrTx, input: TransferInput): Promise<TransferResult> {
  const [result] = await transferMany(tx, [input]);
  return result!;
}

/**
 * Commits transfers that belong together, all or none, inside the caller's transaction (in a savepoint,
 * so a caller may catch InsufficientFunds and carry on).
 *
 * 1. INSERT … ON CONFLICT (idempotency_key) DO NOTHING: a key seen before returns the first transfer and
 *    moves nothing; the same key with other accounts or another amount is a Conflict.
 * 2. The touched accounts are locked in id order (no deadlocks between transfers), then their cached
 *    balances change in one set-based UPDATE. The CHECK (allow_negative OR balance >= 0) makes the
 *    database refuse an overdraft, whatever runs concurrently; it surfaces as InsufficientFunds.
 */
export async function transferMany(tx: DbOrTx, inputs: TransferInput[], opts: TransferManyOptions = {}): Promise<TransferResult[]> {
  if (inputs.length === 0) return [];
  inputs.forEach(validate);
  const keys = inputs.map((i) => i.idempotencyKey);
  if (new Set(keys).size !== keys.length) throw new Error("ledger: duplicate idempotency key in one batch");
  const at = now();

  try {
    if (opts.accountsLocked) return await commitTransfers(tx, inputs, keys, at, true);
    return await tx.transaction((sp) => commitTransfers(sp, inputs, keys, at, false));
  } catch (e) {
    throw translateError(e);
  }
}

export type TransferManyOptions = {
  /**
   * The caller's transaction already holds FOR NO KEY UPDATE locks on every account these transfers
   * touch (taken in id order) and has checked under them that no balance would go below zero — as
   * investMany does. Then the accounts are not locked again and there is no savepoint: a refusal by
   * the database (which still checks) aborts the caller's transaction instead of being recoverable.
   */
  accountsLocked?: boolean;
};

async function commitTransfers(sp: DbOrTx, inputs: TransferInput[], keys: string[], at: Date, accountsLocked: boolean): Promise<TransferResult[]> {
  const inserted = inputs.length > BULK_THRESHOLD ? await insertBulk(sp, inputs, at) : await sp
    .insert(ledgerTransfers)
    .values(
      inputs.map((i) => ({
        debitAccountId: i.debit,
        creditAccountId: i.credit,
        amount: i.amount,
        unit: i.unit,
        kind: i.kind,
        idempotencyKey: i.idempotencyKey,
        referenceType: i.reference.type,
        referenceId: i.reference.id,
        reversesTransferId: i.reversesTransferId ?? null,
        occurredAt: at,
        metadata: i.metadata ?? {},
      })),
    )
    .onConflictDoNothing({ target: ledgerTransfers.idempotencyKey })
    .returning();
  const insertedByKey = new Map(inserted.map((t) => [t.idempotencyKey, t]));

  const missing = keys.filter((k) => !insertedByKey.has(k));
  const existingByKey = new Map<string, LedgerTransfer>();
  if (missing.length > 0) {
    const existing = await sp.select().from(ledgerTransfers).where(inArray(ledgerTransfers.idempotencyKey, missing));
    for (const t of existing) existingByKey.set(t.idempotencyKey, t);
  }

  const results = inputs.map((input): TransferResult => {
    const created = insertedByKey.get(input.idempotencyKey);
    if (created) return { transfer: created, created: true };
    const existing = existingByKey.get(input.idempotencyKey);
    if (!existing) throw new Error(`ledger: transfer ${input.idempotencyKey} neither inserted nor found`);
    if (!sameMovement(existing, input)) {
      throw new Conflict("idempotency_key_reused", "This idempotency key was already used for a different transfer.", {
        idempotencyKey: input.idempotencyKey,
      });
    }
    return { transfer: existing, created: false };
  });

  await applyBalances(sp, inserted, accountsLocked);
  return results;
}

/**
 * Above this many transfers the batch goes in as one JSON parameter of a prepared statement of fixed text
 * (db/prepared.ts): cheaper to build than thousands of bound parameters, one round trip on PostgreSQL.
 */
const BULK_THRESHOLD = 8;

async function insertBulk(db: DbOrTx, inputs: TransferInput[], at: Date): Promise<LedgerTransfer[]> {
  const rows = inputs.map((i) => ({
    debit_account_id: i.debit,
    credit_account_id: i.credit,
    amount: i.amount.toString(),
    unit: i.unit,
    kind: i.kind,
    idempotency_key: i.idempotencyKey,
    reference_type: i.reference.type,
    reference_id: i.reference.id,
    reverses_transfer_id: i.reversesTransferId?.toString() ?? null,
    metadata: i.metadata ?? {},
  }));
  const result = rowsOf<Record<string, unknown>>(
    await executePrepared(db, sql`
      insert into ledger_transfers (debit_account_id, credit_account_id, amount, unit, kind, idempotency_key, reference_type, reference_id, reverses_transfer_id, occurred_at, metadata)
      select x.debit_account_id, x.credit_account_id, x.amount, x.unit::ledger_unit, x.kind, x.idempotency_key, x.reference_type, x.reference_id, x.reverses_transfer_id, ${at.toISOString()}::timestamptz, x.metadata
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(debit_account_id uuid, credit_account_id uuid, amount bigint, unit text, kind text, idempotency_key text, reference_type text, reference_id text, reverses_transfer_id bigint, metadata jsonb)
      on conflict (idempotency_key) do nothing
      returning id::text, debit_account_id, credit_account_id, amount::text, unit, kind, idempotency_key, reference_type, reference_id, reverses_transfer_id::text, occurred_at, metadata`),
  );
  return result.map((r) => ({
    id: BigInt(String(r.id)),
    debitAccountId: String(r.debit_account_id),
    creditAccountId: String(r.credit_account_id),
    amount: BigInt(String(r.amount)),
    unit: r.unit as LedgerUnit,
    kind: String(r.kind),
    idempotencyKey: String(r.idempotency_key),
    referenceType: String(r.reference_type),
    referenceId: String(r.reference_id),
    reversesTransferId: r.reverses_transfer_id === null ? null : BigInt(String(r.reverses_transfer_id)),
    occurredAt: r.occurred_at instanceof Date ? r.occurred_at : new Date(String(r.occurred_at)),
    metadata: r.metadata as Record<string, unknown>,
  }));
}

async function applyBalances(db: DbOrTx, created: LedgerTransfer[], accountsLocked: boolean): Promise<void> {
  if (created.length === 0) return;
  const deltas = new Map<string, bigint>();
  for (const t of created) {
    deltas.set(t.creditAccountId, (deltas.get(t.creditAccountId) ?? 0n) + t.amount);
    deltas.set(t.debitAccountId, (deltas.get(t.debitAccountId) ?? 0n) - t.amount);
  }
  const ids = [...deltas.keys()].sort();
  // Ids and deltas as two array parameters (not two parameters per account): a batch may touch thousands.
  const idArray = uuidArray(ids);
  const deltaArray = sql`${`{${ids.map((id) => deltas.get(id)!.toString()).join(",")}}`}::bigint[]`;
  // Lock in a fixed order first: a set-based UPDATE would lock rows in whatever order its plan scans them.
  // NO KEY UPDATE (what the UPDATE itself takes) leaves the FK checks of concurrent transfer inserts,
  // which take KEY SHARE on these rows, unblocked; FOR UPDATE would conflict with them and deadlock.
  if (!accountsLocked) await db.execute(sql`select id from ledger_accounts where id = any(${idArray}) order by id for no key update`);
  await executePrepared(db, sql`
    update ledger_accounts as a set balance = a.balance + d.delta
    from unnest(${idArray}, ${deltaArray}) as d(id, delta)
    where a.id = d.id`);
}

function translateError(e: unknown): unknown {
  const pg = pgErrorOf(e);
  if (!pg) return e;
  if (pg.code === CHECK_VIOLATION && pg.constraint === "ledger_accounts_balance_non_negative") {
    return new InsufficientFunds();
  }
  if (pg.code === UNIQUE_VIOLATION && pg.constraint === "ledger_transfers_reverses_unique") {
    return new Conflict("already_reversed", "This transfer has already been reversed.");
  }
  if (pg.code === FOREIGN_KEY_VIOLATION && (pg.constraint === "ledger_transfers_debit_account_fk" || pg.constraint === "ledger_transfers_credit_account_fk")) {
    return new Error("ledger: an account does not exist or holds another unit than the transfer");
  }
  return e;
}

export async function getTransfer(db: DbOrTx, id: bigint): Promise<LedgerTransfer | undefined> {
  const [row] = await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.id, id)).limit(1);
  return row;
}

/**
 * Corrects a transfer by moving the same amount back (credit ↔ debit), pointing at the original. A
 * transfer is reversed at most once (a unique index says so); reversing a reversal is refused — make a
 * new transfer instead. The reversal can fail with InsufficientFunds if the money has moved on.
 */
export async function reverseTransfer(
  tx: DbOrTx,
  { transferId, idempotencyKey, reason }: { transferId: bigint; idempotencyKey: string; reason: string },
): Promise<TransferResult> {
  const original = await getTransfer(tx, transferId);
  if (!original) throw new NotFound("The transfer");
  if (original.reversesTransferId !== null) {
    throw new Conflict("cannot_reverse_reversal", "A reversal cannot itself be reversed; record a new transfer instead.");
  }
  const [prior] = await tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.reversesTransferId, original.id)).limit(1);
  if (prior && prior.idempotencyKey !== idempotencyKey) {
    throw new Conflict("already_reversed", "This transfer has already been reversed.");
  }
  return transfer(tx, {
    debit: original.creditAccountId,
    credit: original.debitAccountId,
    amount: original.amount,
    unit: original.unit,
    kind: "reversal",
    idempotencyKey,
    reference: { type: original.referenceType, id: original.referenceId },
    reversesTransferId: original.id,
    metadata: { reason, reversedKind: original.kind },
  });
}
