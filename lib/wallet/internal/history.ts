import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { ledgerAccounts } from "@/db/schema";
import { type MovementType } from "../schemas";

/**
 * Wallet history: the ledger transfers that moved a user's available cash, newest first, with a human
 * type and the amount signed from the user's side (+ in, − out). Reserved-account movements are the
 * other half of the same withdrawals and are not shown twice.
 */
export type Movement = {
  transferId: bigint;
  occurredAt: Date;
  type: MovementType;
  /** The ledger kind behind the type (topup, withdrawal, withdrawal_fee, withdrawal_refund, reversal…). */
  kind: string;
  amount: bigint;
  reference: { type: string; id: string };
};

/** Ledger kinds per human type; kinds not listed show as themselves (later areas add theirs). */
const KINDS_BY_TYPE: Record<string, string[]> = {
  topup: ["topup"],
  withdrawal: ["withdrawal"],
  fee: ["withdrawal_fee"],
  withdrawal_refund: ["withdrawal_refund"],
  correction: ["reversal"],
};
const TYPE_BY_KIND = new Map(Object.entries(KINDS_BY_TYPE).flatMap(([type, kinds]) => kinds.map((k) => [k, type] as const)));

export function movementTypeOf(kind: string): MovementType {
  return TYPE_BY_KIND.get(kind) ?? kind;
}

type Filters = { type?: string; from?: Date; to?: Date };

async function cashAccountId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.ownerType, "user"), eq(ledgerAccounts.ownerId, userId), eq(ledgerAccounts.type, "user_cash"), eq(ledgerAccounts.unit, "IDR")))
    .limit(1);
  return row?.id ?? null;
}

/** Both sides in one set-based query: credits (+) and debits (−), each through its own index. */
function movementsQuery(accountId: string, filters: Filters, limit: number, offset: number): SQL {
  const conditions: SQL[] = [];
  if (filters.type) {
    const kinds = KINDS_BY_TYPE[filters.type] ?? [filters.type];
    conditions.push(sql`m.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`);
  }
  if (filters.from) conditions.push(sql`m.occurred_at >= ${filters.from.toISOString()}::timestamptz`);
  if (filters.to) conditions.push(sql`m.occurred_at < ${filters.to.toISOString()}::timestamptz`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return sql`
    select m.id::text as id, (extract(epoch from m.occurred_at) * 1000)::bigint::text as at_ms, m.kind,
           m.signed::text as amount, m.reference_type, m.reference_id, count(*) over () as total
    from (
      select id, occurred_at, kind, amount as signed, reference_type, reference_id from ledger_transfers where credit_account_id = ${accountId}::uuid
      union all
      select id, occurred_at, kind, -amount as signed, reference_type, reference_id from ledger_transfers where debit_account_id = ${accountId}::uuid
    ) m
    ${where}
    order by m.occurred_at desc, m.id desc
    limit ${limit} offset ${offset}`;
}

type Row = { id: string; at_ms: string; kind: string; amount: string; reference_type: string; reference_id: string; total: string | number };

function toMovement(r: Row): Movement {
  return {
    transferId: BigInt(r.id),
    occurredAt: new Date(Number(r.at_ms)),
    type: movementTypeOf(r.kind),
    kind: r.kind,
    amount: BigInt(r.amount),
    reference: { type: r.reference_type, id: r.reference_id },
  };
}

export async function movementsOf(db: DbOrTx, userId: string, filters: Filters, page: number, pageSize: number) {
  const accountId = await cashAccountId(db, userId);
  if (!accountId) return { items: [] as Movement[], total: 0, page, pageSize };
  const rows = rowsOf<Row>(await db.execute(movementsQuery(accountId, filters, pageSize, (page - 1) * pageSize)));
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page the window count is empty: count once so the pager still knows the total.
    const counted = rowsOf<Row>(await db.execute(movementsQuery(accountId, filters, 1, 0)));
    total = counted.length > 0 ? Number(counted[0]!.total) : 0;
  }
  return { items: rows.map(toMovement), total, page, pageSize };
}
