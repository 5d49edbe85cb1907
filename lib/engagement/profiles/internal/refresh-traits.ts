import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { executePrepared } from "@/db/prepared";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";

/**
 * Profiles and traits: one set-based statement that rebuilds the `profiles` row of every lender and
 * borrower asked for (all of them when `userIds` is absent) from the facts where they live, and
 * upserts it. No per-user loop: one CTE per fact, each restricted to the target users, joined once.
 *
 * Exception to "through the door" (docs/ARCHITECTURE.md, "Profiles and traits"): this projection
 * reads other domains' tables directly in SQL — users, kyc_profiles/kyc_steps, ledger_accounts,
 * ledger_transfers, loan_investments, lender_distributions, loans, installments, gold_prices,
 * gold_trades, gold_recurring_plans, auto_purchase_strategies and events. Read-only, in one
 * statement, so a segment over 100 000 users costs one query instead of 100 000 door calls. It writes
 * only `profiles` (and never the RFM columns: those are recompute-rfm.ts's).
 *
 * The clock is a parameter (`now()` of lib/clock.ts, never the database's now()), so the time machine
 * moves ages, maturities and "last active" with it.
 *
 * Definitions (the same as the lender's own screens where one exists):
 * - cash_balance = idle_cash: the user_cash ledger account's balance (spendable rupiah).
 * - outstanding_principal: lib/lending/portfolio.ts — active investments minus principal distributed,
 *   on loans active, late or in default.
 * - gold_held: user_gold + user_gold_reserved (everything owned, as lib/gold/holdings.ts values it).
 * - account_value = cash + reserved rupiah (user_reserved: withdrawals pending; lender_reserved:
 *   investments in loans still funding — the lender's money, not yet outstanding) + outstanding
 *   principal + gold_held × the latest sell price per gram ÷ 10 000, rounded down.
 * - total_invested, investments_count, first/last_investment_at: loan investments not released
 *   (a released one is a funding that was cancelled).
 * - idle_since (only while cash > 0): the later of the last investment (loan or gold buy) and the last
 *   top-up; when neither exists, the last time any money arrived in the cash account. So a top-up
 *   starts the idle clock again, and so does spending part of the cash.
 * - last_active_at: the user's latest event, leaving out the events the platform records about them
 *   without them doing anything (SYSTEM_EVENT_NAMES) — otherwise entering an "inactive" segment
 *   would make the user active again.
 * - next_maturity_date: the earliest last-installment due day (Jakarta) still ahead among the loans
 *   the lender holds an active investment in (loans active or late).
 * - next_due_date / days_past_due (borrowers): the earliest unpaid installment of their loans in
 *   active, late or default, and the loans' largest days_past_due (kept by the daily servicing).
 * - age_band from the identity step's dateOfBirth on the Jakarta calendar (lib/kyc/nik.ts ageOn),
 *   city/province from the address step, device/browser from the user's last session_started or
 *   page_viewed event that carries them — in its context (strings, or objects with type/name) or in
 *   its properties (the catalogue's session_started has device and browser).
 */
export const SYSTEM_EVENT_NAMES = [
  "segment_entered",
  "segment_exited",
  "installment_due_soon",
  "installment_late",
  "loan_defaulted",
  "loan_written_off",
  "gold_alert_triggered",
  "gold_recurring_buy_skipped",
  "auto_purchase_skipped",
  "sign_in_failures_burst",
  "clock_advanced",
] as const;

function jsonArray(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** The statement itself, exported for the benchmark's EXPLAIN. */
export function refreshTraitsSql(at: Date, userIds?: readonly string[]): SQL {
  const t = sql`${at.toISOString()}::timestamptz`;
  const only = userIds ? sql`and u.id in (select x::uuid from jsonb_array_elements_text(${jsonArray(userIds)}::jsonb) x where x ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')` : sql``;
  return sql`
    with target as (
      select u.id, u.role::text as role, u.locale::text as language, u.created_at,
        nullif(u.acquisition->>'source', '') as channel, nullif(u.acquisition->>'campaign', '') as campaign
      from users u
      where u.role in ('lender', 'borrower') ${only}
    ),
    today as (select (${t} at time zone 'Asia/Jakarta')::date as d),
    kyc as (
      select kp.user_id, kp.status::text as status, kp.current_step
      from kyc_profiles kp where kp.user_id in (select id from target)
    ),
    kyc_data as (
      select ks.user_id,
        max(ks.data->>'dateOfBirth') filter (where ks.step = 'identity') as dob,
        max(nullif(trim(ks.data->>'city'), '')) filter (where ks.step = 'address') as city,
        max(nullif(trim(ks.data->>'province'), '')) filter (where ks.step = 'address') as province
      from kyc_steps ks
      where ks.step in ('identity', 'address') and ks.user_id in (select id from target)
      group by ks.user_id
    ),
    age as (
      select k.user_id,
        extract(year from today.d)::int - substr(k.dob, 1, 4)::int
          - case when (extract(month from today.d)::int, extract(day from today.d)::int) < (substr(k.dob, 6, 2)::int, substr(k.dob, 9, 2)::int) then 1 else 0 end as years
      from kyc_data k cross join today
      where k.dob ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    ),
    device as (
      select tg.id as user_id, e.device, e.browser
      from target tg
      join lateral (
        select
          coalesce(
            case jsonb_typeof(e.context->'device') when 'string' then e.context->>'device'
              when 'object' then coalesce(e.context->'device'->>'type', e.context->'device'->>'name') end,
            case jsonb_typeof(e.properties->'device') when 'string' then e.properties->>'device' end) as device,
          coalesce(
            case jsonb_typeof(e.context->'browser') when 'string' then e.context->>'browser'
              when 'object' then e.context->'browser'->>'name' end,
            case jsonb_typeof(e.properties->'browser') when 'string' then e.properties->>'browser' end) as browser
        from events e
        -- Ordered by time only, so the (user, time) index of each partition is read backwards and stops early.
        where e.user_id = tg.id and e.name in ('session_started', 'page_viewed')
          and (e.context ? 'device' or e.context ? 'browser' or e.properties ? 'device' or e.properties ? 'browser')
        order by e.occurred_at desc
        limit 1
      ) e on true
    ),
    active as (
      select tg.id as user_id, e.at
      from target tg
      join lateral (
        select e.occurred_at as at from events e
        where e.user_id = tg.id and e.name not in (select jsonb_array_elements_text(${jsonArray(SYSTEM_EVENT_NAMES)}::jsonb))
        order by e.occurred_at desc limit 1
      ) e on true
    ),
    acct as (
      select a.owner_id as user_id,
        coalesce(sum(a.balance) filter (where a.type = 'user_cash'), 0) as cash,
        coalesce(sum(a.balance) filter (where a.type in ('user_reserved', 'lender_reserved')), 0) as reserved,
        coalesce(sum(a.balance) filter (where a.type in ('user_gold', 'user_gold_reserved')), 0) as gold,
        max(a.id::text) filter (where a.type = 'user_cash')::uuid as cash_account
      from ledger_accounts a
      where a.owner_type = 'user' and a.owner_id in (select id from target)
        and a.type in ('user_cash', 'user_reserved', 'lender_reserved', 'user_gold', 'user_gold_reserved')
      group by a.owner_id
    ),
    credits as (
      select acct.user_id,
        (select max(lt.occurred_at) from ledger_transfers lt where lt.credit_account_id = acct.cash_account and lt.kind = 'topup') as last_topup,
        (select max(lt.occurred_at) from ledger_transfers lt where lt.credit_account_id = acct.cash_account) as last_credit
      from acct where acct.cash > 0 and acct.cash_account is not null
    ),
    price as (
      select p.sell_per_gram from gold_prices p where p.at <= ${t} order by p.at desc, p.id desc limit 1
    ),
    inv as (
      select i.lender_id as user_id, count(*)::int as n, sum(i.amount) as total,
        min(i.created_at) as first_at, max(i.created_at) as last_at,
        bool_or(i.source = 'auto') as any_auto
      from loan_investments i
      where i.status <> 'released' and i.lender_id in (select id from target)
      group by i.lender_id
    ),
    held as (
      select i.lender_id, i.loan_id, sum(i.amount) as amount
      from loan_investments i join loans l on l.id = i.loan_id
      where i.status = 'active' and l.status in ('active', 'late', 'default') and i.lender_id in (select id from target)
      group by i.lender_id, i.loan_id
    ),
    got as (
      select d.lender_id, i.loan_id, sum(d.principal) as principal
      from lender_distributions d join loan_investments i on i.id = d.investment_id
      where d.lender_id in (select id from target)
      group by d.lender_id, i.loan_id
    ),
    outstanding as (
      select h.lender_id as user_id, sum(h.amount - coalesce(g.principal, 0)) as amount
      from held h left join got g on g.lender_id = h.lender_id and g.loan_id = h.loan_id
      group by h.lender_id
    ),
    maturity as (
      select m.lender_id as user_id, min((m.at at time zone 'Asia/Jakarta')::date) as day
      from (
        select distinct i.lender_id, l.id,
          (select max(s.due_date) from installments s where s.loan_id = l.id and s.schedule_version = l.schedule_version) as at
        from loan_investments i join loans l on l.id = i.loan_id
        where i.status = 'active' and l.status in ('active', 'late') and i.lender_id in (select id from target)
      ) m
      where m.at >= ${t}
      group by m.lender_id
    ),
    gold as (
      select g.user_id, max(g.created_at) filter (where g.side = 'buy') as last_buy, count(*) as trades
      from gold_trades g where g.user_id in (select id from target)
      group by g.user_id
    ),
    plans as (
      select distinct p.user_id from gold_recurring_plans p
      where p.active and p.deleted_at is null and p.user_id in (select id from target)
    ),
    auto as (
      select distinct s.lender_id as user_id from auto_purchase_strategies s
      where s.active and s.archived_at is null and s.lender_id in (select id from target)
    ),
    borrowed as (
      select l.borrower_id as user_id,
        bool_or(l.disbursed_at is not null) as disbursed,
        min((s.due_date at time zone 'Asia/Jakarta')::date) filter (where l.status in ('active', 'late', 'default')) as next_due,
        coalesce(max(l.days_past_due) filter (where l.status in ('active', 'late', 'default')), 0) as dpd
      from loans l
      left join lateral (
        select min(s.due_date) as due_date from installments s
        where s.loan_id = l.id and s.schedule_version = l.schedule_version and s.paid_at is null
      ) s on true
      where l.borrower_id in (select id from target)
      group by l.borrower_id
    ),
    facts as (
      select tg.*,
        coalesce(acct.cash, 0) as cash,
        coalesce(acct.reserved, 0) as reserved,
        coalesce(acct.gold, 0) as gold,
        coalesce(o.amount, 0) as outstanding,
        coalesce(inv.n, 0) as n,
        coalesce(inv.total, 0) as total,
        inv.first_at, inv.last_at, coalesce(inv.any_auto, false) as any_auto,
        auto.user_id is not null as auto_on,
        plans.user_id is not null as plan_on,
        coalesce(gold.trades, 0) as gold_trades, gold.last_buy,
        borrowed.disbursed, borrowed.next_due, coalesce(borrowed.dpd, 0) as dpd,
        credits.last_topup, credits.last_credit,
        kyc.status as kyc_status, kyc.current_step,
        age.years, kyc_data.city, kyc_data.province,
        device.device, device.browser, active.at as last_active,
        maturity.day as next_maturity
      from target tg
      left join acct on acct.user_id = tg.id
      left join outstanding o on o.user_id = tg.id
      left join inv on inv.user_id = tg.id
      left join auto on auto.user_id = tg.id
      left join plans on plans.user_id = tg.id
      left join gold on gold.user_id = tg.id
      left join borrowed on borrowed.user_id = tg.id
      left join credits on credits.user_id = tg.id
      left join kyc on kyc.user_id = tg.id
      left join kyc_data on kyc_data.user_id = tg.id
      left join age on age.user_id = tg.id
      left join device on device.user_id = tg.id
      left join active on active.user_id = tg.id
      left join maturity on maturity.user_id = tg.id
    ),
    shaped as (
      select f.*,
        array_remove(array[
          case when f.n > 0 then 'investor' end,
          case when f.auto_on then 'auto_investor' end,
          case when f.gold > 0 or f.plan_on then 'gold_saver' end,
          case when f.role = 'borrower' then 'borrower' end
        ], null) as personas0,
        array_remove(array[
          case when f.n > 0 or coalesce(f.disbursed, false) then 'p2p_loans' end,
          case when f.auto_on or f.any_auto then 'auto_purchase' end,
          case when f.gold > 0 or f.gold_trades > 0 or f.plan_on then 'gold' end
        ], null) as products,
        f.cash + f.reserved + f.outstanding
          + coalesce((select div(f.gold * price.sell_per_gram, 10000) from price), 0) as account_value
      from facts f
    ),
    upserted as (
      insert into profiles (
        user_id, role, personas, age_band, city, province, device, browser, language,
        acquisition_channel, acquisition_campaign, signed_up_at, kyc_status, kyc_step,
        cash_balance, outstanding_principal, gold_held, account_value, total_invested, idle_cash, idle_since,
        last_active_at, first_investment_at, last_investment_at, investments_count, products_used,
        auto_purchase_on, next_maturity_date, next_due_date, days_past_due, updated_at
      )
      select s.id, s.role,
        case when cardinality(s.personas0) = 0 then array['new'] else s.personas0 end,
        case when s.years is null or s.years < 18 then null
             when s.years < 25 then '18-24' when s.years < 35 then '25-34' when s.years < 45 then '35-44'
             when s.years < 55 then '45-54' else '55+' end,
        s.city, s.province, s.device, s.browser, s.language, s.channel, s.campaign, s.created_at,
        coalesce(s.kyc_status, 'not_started'), s.current_step,
        s.cash, s.outstanding, s.gold, s.account_value, s.total, s.cash,
        case when s.cash > 0 then coalesce(greatest(s.last_at, s.last_buy, s.last_topup), s.last_credit) end,
        s.last_active, s.first_at, s.last_at, s.n, s.products,
        s.auto_on, s.next_maturity, s.next_due, s.dpd, ${t}
      from shaped s
      on conflict (user_id) do update set
        role = excluded.role, personas = excluded.personas, age_band = excluded.age_band, city = excluded.city,
        province = excluded.province, device = excluded.device, browser = excluded.browser, language = excluded.language,
        acquisition_channel = excluded.acquisition_channel, acquisition_campaign = excluded.acquisition_campaign,
        signed_up_at = excluded.signed_up_at, kyc_status = excluded.kyc_status, kyc_step = excluded.kyc_step,
        cash_balance = excluded.cash_balance, outstanding_principal = excluded.outstanding_principal,
        gold_held = excluded.gold_held, account_value = excluded.account_value, total_invested = excluded.total_invested,
        idle_cash = excluded.idle_cash, idle_since = excluded.idle_since, last_active_at = excluded.last_active_at,
        first_investment_at = excluded.first_investment_at, last_investment_at = excluded.last_investment_at,
        investments_count = excluded.investments_count, products_used = excluded.products_used,
        auto_purchase_on = excluded.auto_purchase_on, next_maturity_date = excluded.next_maturity_date,
        next_due_date = excluded.next_due_date, days_past_due = excluded.days_past_due, updated_at = excluded.updated_at
      returning 1
    )
    select count(*)::int as n from upserted`;
}

/**
 * Rebuilds the profiles of these users (every lender and borrower when `userIds` is absent) in the
 * caller's transaction; returns how many rows were written. Admins get no profile.
 */
export async function refreshTraits(tx: DbOrTx, opts: { userIds?: string[]; at?: Date } = {}): Promise<number> {
  if (opts.userIds && opts.userIds.length === 0) return 0;
  const query = refreshTraitsSql(opts.at ?? now(), opts.userIds);
  // For a few users (the incremental path) planning the statement costs more than running it: run it as
  // a named prepared statement of fixed text (db/prepared.ts), planned once per connection.
  const rows = rowsOf<{ n: number }>(opts.userIds ? await executePrepared(tx, query) : await tx.execute(query));
  return Number(rows[0]?.n ?? 0);
}
