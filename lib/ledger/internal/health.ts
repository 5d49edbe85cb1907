import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { LedgerUnit } from "@/db/schema";

export type TrialBalanceRow = {
  accountType: string;
  unit: LedgerUnit;
  accounts: number;
  /** Sums over the transfers of all accounts of this type. */
  debits: bigint;
  credits: bigint;
  /** Sum of the cached balances (credits − debits when healthy). */
  balance: bigint;
};

export type HealthCheck =
  | { name: "debits_equal_credits"; ok: boolean; perUnit: { unit: LedgerUnit; debits: bigint; credits: bigint; balanceSum: bigint }[] }
  | { name: "no_negative_user_cash"; ok: boolean; offenders: { accountId: string; ownerId: string | null; type: string; balance: bigint }[] }
  | {
      name: "cached_balances_match";
      ok: boolean;
      offenders: { accountId: string; type: string; cached: bigint; computed: bigint }[];
    };

export type LedgerHealth = { ok: boolean; checkedAt: Date; checks: HealthCheck[]; trialBalance: TrialBalanceRow[] };

const OFFENDER_LIMIT = 50;

/**
 * Per account: the sum of its debits and credits, computed from the transfers in two set-based
 * aggregates (each one index-friendly) rather than per-account loops.
 */
const accountTotals = sql`
  with d as (select debit_account_id as id, sum(amount) as total from ledger_transfers group by debit_account_id),
       c as (select credit_account_id as id, sum(amount) as total from ledger_transfers group by credit_account_id)
  select a.id, a.owner_type, a.owner_id, a.type, a.unit, a.balance, a.allow_negative,
         coalesce(d.total, 0) as debits, coalesce(c.total, 0) as credits
  from ledger_accounts a
  left join d on d.id = a.id
  left join c on c.id = a.id`;

export async function computeLedgerHealth(db: DbOrTx): Promise<Omit<LedgerHealth, "checkedAt">> {
  const trial = rowsOf<{ type: string; unit: LedgerUnit; accounts: number | string; debits: string; credits: string; balance: string }>(
    await db.execute(sql`
      with t as (${accountTotals})
      select type, unit, count(*)::int as accounts, sum(debits)::text as debits, sum(credits)::text as credits,
             sum(balance)::text as balance
      from t group by type, unit order by unit, type`),
  );
  const trialBalance: TrialBalanceRow[] = trial.map((r) => ({
    accountType: r.type,
    unit: r.unit,
    accounts: Number(r.accounts),
    debits: BigInt(r.debits),
    credits: BigInt(r.credits),
    balance: BigInt(r.balance),
  }));

  // Every transfer debits one account and credits another of the same unit (a foreign key on
  // (account, unit) says so), so per unit the sides must match and the balances must add up to zero.
  const perUnit = rowsOf<{ unit: LedgerUnit; debits: string; credits: string; balance_sum: string }>(
    await db.execute(sql`
      select u.unit,
        coalesce((select sum(t.amount) from ledger_transfers t join ledger_accounts a on a.id = t.debit_account_id where a.unit = u.unit), 0)::text as debits,
        coalesce((select sum(t.amount) from ledger_transfers t join ledger_accounts a on a.id = t.credit_account_id where a.unit = u.unit), 0)::text as credits,
        coalesce((select sum(balance) from ledger_accounts a where a.unit = u.unit), 0)::text as balance_sum
      from unnest(enum_range(null::ledger_unit)) as u(unit)
      order by u.unit`),
  ).map((r) => ({ unit: r.unit, debits: BigInt(r.debits), credits: BigInt(r.credits), balanceSum: BigInt(r.balance_sum) }));
  const balanced = perUnit.every((u) => u.debits === u.credits && u.balanceSum === 0n);

  const negatives = rowsOf<{ id: string; owner_id: string | null; type: string; balance: string }>(
    await db.execute(sql`
      select id, owner_id, type, balance::text as balance from ledger_accounts
      where owner_type = 'user' and balance < 0
      order by balance limit ${OFFENDER_LIMIT}`),
  ).map((r) => ({ accountId: r.id, ownerId: r.owner_id, type: r.type, balance: BigInt(r.balance) }));

  const mismatches = rowsOf<{ id: string; type: string; balance: string; computed: string }>(
    await db.execute(sql`
      with t as (${accountTotals})
      select id, type, balance::text as balance, (credits - debits)::text as computed
      from t where balance <> credits - debits
      order by id limit ${OFFENDER_LIMIT}`),
  ).map((r) => ({ accountId: r.id, type: r.type, cached: BigInt(r.balance), computed: BigInt(r.computed) }));

  const checks: HealthCheck[] = [
    { name: "debits_equal_credits", ok: balanced, perUnit },
    { name: "no_negative_user_cash", ok: negatives.length === 0, offenders: negatives },
    { name: "cached_balances_match", ok: mismatches.length === 0, offenders: mismatches },
  ];
  return { ok: checks.every((c) => c.ok), checks, trialBalance };
}
