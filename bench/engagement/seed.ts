/**
 * Set-based seeding for the engagement benchmark (bench/engagement.ts): users, KYC profiles, ledger
 * balances, profiles and events, each one INSERT … SELECT over generate_series (no per-row round trips).
 * Deterministic: setseed() once on the one connection the seeding runs on (pass a pool of max 1: the
 * session settings below must stay on one connection).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";
import { EVENT_PARTITION_MONTHS_AHEAD, ensureEventPartitions } from "@/lib/engagement/events/internal/partitions";

export const CITIES: readonly { city: string; province: string; weight: number }[] = [
  { city: "Jakarta", province: "DKI Jakarta", weight: 30 },
  { city: "Surabaya", province: "Jawa Timur", weight: 12 },
  { city: "Bandung", province: "Jawa Barat", weight: 11 },
  { city: "Medan", province: "Sumatera Utara", weight: 8 },
  { city: "Semarang", province: "Jawa Tengah", weight: 7 },
  { city: "Makassar", province: "Sulawesi Selatan", weight: 6 },
  { city: "Denpasar", province: "Bali", weight: 6 },
  { city: "Yogyakarta", province: "DI Yogyakarta", weight: 6 },
  { city: "Palembang", province: "Sumatera Selatan", weight: 5 },
  { city: "Balikpapan", province: "Kalimantan Timur", weight: 4 },
  { city: "Tangerang", province: "Banten", weight: 5 },
];

export const KYC_STEPS = ["identity", "selfie", "ktp_photo", "address", "occupation", "bank_account"] as const;
export const PAGES = ["/", "/lender", "/lender/marketplace", "/lender/portfolio", "/lender/wallet", "/lender/gold", "/lender/auto-purchase", "/lender/kyc", "/borrower", "/borrower/loans"] as const;
/** Gold sell price used for account value (rupiah per gram). */
const GOLD_PRICE_PER_GRAM = 1_500_000;

/** A `case` choosing from a weighted list by a uniform number `r` in [0, 1). */
function weighted(r: string, items: readonly { sql: string; weight: number }[]): string {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let acc = 0;
  const arms = items.map((i) => {
    acc += i.weight;
    return `when ${r} < ${(acc / total).toFixed(6)} then ${i.sql}`;
  });
  return `(case ${arms.join(" ")} else ${items[items.length - 1]!.sql} end)`;
}
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const STEPS_SQL = JSON.stringify(KYC_STEPS).replace(/"/g, "'");

export type SeedSummary = { users: number; lenders: number; borrowers: number; events: number; phases: [string, number][] };

/**
 * Seeds `users` users (1 in 12 a borrower) created over the last ~400 days and about `events` events over
 * the last ~13 months: lifecycle events (sign-up, the KYC steps reached, submitted/approved) and browsing,
 * money and gold events drawn with a skew (a few users do most). Profiles are written directly, with their
 * event-derived traits (last active, investments) computed from the seeded events.
 */
export async function seedEngagement(db: Db, opts: { users: number; events: number; loans: number; at: Date; seed: number }): Promise<SeedSummary> {
  const at = opts.at.toISOString();
  const U = opts.users;
  const phases: [string, number][] = [];
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await fn();
    phases.push([label, Number(process.hrtime.bigint() - t) / 1e6]);
  };
  const x = (q: string) => db.execute(sql.raw(q));
  // The events table is partitioned by month (migration 0016): a partition for every month the seeded
  // events span and the two after (ensureEventPartitions, as boot and the daily job create them), so no
  // seeded row lands in events_default.
  const first = new Date(opts.at.getTime() - 401 * 86_400_000);
  const months = (opts.at.getUTCFullYear() - first.getUTCFullYear()) * 12 + opts.at.getUTCMonth() - first.getUTCMonth();
  await step("event partitions", () => ensureEventPartitions(db, { from: first, monthsAhead: months + EVENT_PARTITION_MONTHS_AHEAD }));
  // Foreign-key triggers off for the seeding session: every reference is drawn from rows inserted before.
  await x(`set session_replication_role = replica`);
  await db.transaction(async (tx) => {
    const tx_ = (q: string) => tx.execute(sql.raw(q));
    await tx_(`select setseed(${(opts.seed % 1000) / 1000})`);
    await step("users", () =>
      tx_(`
      insert into users (email, password_hash, role, full_name, phone, locale, company_name, business_sector, acquisition, created_at, updated_at)
      select 'bench-' || g || '@bench.test', 'x', r.role::user_role, 'Bench User ' || g, '0812' || lpad(g::text, 8, '0'),
        (case when random() < 0.55 then 'id' else 'en' end)::user_locale,
        case when r.role = 'borrower' then 'PT Bench ' || g end, case when r.role = 'borrower' then 'trade' end,
        ${weighted("r.ra", [
          { sql: `'{}'::jsonb`, weight: 40 },
          { sql: `'{"source":"google","medium":"cpc","campaign":"lend-q3"}'::jsonb`, weight: 25 },
          { sql: `'{"source":"instagram","medium":"social","campaign":"gold-saver"}'::jsonb`, weight: 20 },
          { sql: `'{"source":"referral","medium":"friend"}'::jsonb`, weight: 15 },
        ])},
        ts, ts
      from generate_series(1, ${U}) g
      cross join lateral (select case when g % 12 = 0 then 'borrower' else 'lender' end as role,
        '${at}'::timestamptz - make_interval(secs => (random() * 400 * 86400)::int + g * 0) as ts, random() + g * 0 as ra) r`),
    );
    // n: a dense index per user to draw from; investors: the lenders whose KYC is approved.
    await step("bench_users", async () => {
      await tx_(`
        create table bench_users as
        select row_number() over (order by u.created_at, u.id)::int as n, u.id, u.role::text as role, u.locale::text as locale, u.created_at,
          ${weighted("u.rk", [
            { sql: `'not_started'`, weight: 18 },
            { sql: `'draft'`, weight: 27 },
            { sql: `'submitted'`, weight: 5 },
            { sql: `'approved'`, weight: 45 },
            { sql: `'rejected'`, weight: 5 },
          ])} as kyc_status,
          floor(random() * 6)::int as kyc_reached,
          ${weighted("u.rc", CITIES.map((c, i) => ({ sql: String(i + 1), weight: c.weight })))} as city_i,
          random() as r1, random() as r2, random() as r3, random() as r4
        from (select *, random() as rk, random() as rc from users) u`);
      await tx_(`create table bench_cities (i int primary key, city text, province text)`);
      await tx_(`insert into bench_cities values ${CITIES.map((c, i) => `(${i + 1}, ${lit(c.city)}, ${lit(c.province)})`).join(", ")}`);
      await tx_(`alter table bench_users add primary key (n)`);
      await tx_(`create index on bench_users (id)`);
      await tx_(`
        create table bench_investors as
        select row_number() over (order by n)::int as k, n from bench_users where role = 'lender' and kyc_status = 'approved'`);
      await tx_(`alter table bench_investors add primary key (k)`);
    });
    await step("kyc_profiles", () =>
      tx_(`
      insert into kyc_profiles (user_id, status, current_step, submitted_at, decided_at, version, created_at, updated_at)
      select id, kyc_status::kyc_status, case when kyc_status = 'draft' then (array${STEPS_SQL})[kyc_reached + 1] end,
        case when kyc_status <> 'draft' then created_at + interval '2 days' end,
        case when kyc_status in ('approved', 'rejected') then created_at + interval '3 days' end,
        case when kyc_status = 'draft' then 0 else 1 end, created_at, created_at
      from bench_users where kyc_status <> 'not_started'`),
    );
    // The KYC steps reached (identity with a date of birth, address with the city: refreshTraits reads them there).
    await step("kyc_steps", () =>
      tx_(`
      insert into kyc_steps (profile_id, user_id, step, data, status, updated_at)
      select kp.id, u.id, (array${STEPS_SQL})[s.i],
        case s.i
          when 1 then jsonb_build_object('dateOfBirth', to_char(date '1960-01-01' + floor(u.r3 * 15000)::int, 'YYYY-MM-DD'))
          when 4 then jsonb_build_object('city', c.city, 'province', c.province)
          else '{}'::jsonb end,
        (case when u.kyc_status = 'approved' then 'approved' else 'completed' end)::kyc_step_status, u.created_at + make_interval(hours => s.i)
      from bench_users u join kyc_profiles kp on kp.user_id = u.id
      join bench_cities c on c.i = u.city_i
      cross join lateral generate_series(1, case when u.kyc_status = 'draft' then u.kyc_reached else 6 end) s(i)`),
    );
    // Loans to invest in: one per borrower up to \`loans\`, active (some late), disbursed, with two unpaid
    // installments (the first due from 10 days ago to 35 days ahead; the last, the maturity, within 90 days).
    await step("loans", async () => {
      await tx_(`
        create table bench_loans as
        select row_number() over (order by n)::int as k, id as borrower_id, gen_random_uuid() as loan_id, gen_random_uuid() as app_id, created_at
        from bench_users where role = 'borrower' order by n limit ${opts.loans}`);
      await tx_(`alter table bench_loans add primary key (k)`);
      await tx_(`
        with p as (select row_number() over (order by code)::int - 1 as i, * from loan_products),
        n as (select count(*)::int as c from loan_products)
        insert into loan_applications (id, borrower_id, status, business, financials, product_id, amount, tenor, purpose, subgrade, rate_bps, submitted_at, decided_at, created_at, updated_at)
        select b.app_id, b.borrower_id, 'approved', '{"sector":"trade"}'::jsonb, '{}'::jsonb, p.id, 50000000, p.max_tenor, 'Bench working capital', 'B2', 1400,
          b.created_at, b.created_at, b.created_at, b.created_at
        from bench_loans b cross join n join p on p.i = b.k % n.c`);
      await tx_(`
        with p as (select row_number() over (order by code)::int - 1 as i, * from loan_products),
        n as (select count(*)::int as c from loan_products)
        insert into loans (id, application_id, borrower_id, product_id, product_code, terms, principal, rate_bps, subgrade, tenor_unit, tenor, method, platform_fee,
          late_fee_daily_ppm, service_fee_bps, min_investment, investment_step, holdback_amount, purpose, sector, status, funded_amount, listed_at, holdback_until,
          funding_deadline, disbursed_at, days_past_due, created_at, updated_at)
        select b.loan_id, b.app_id, b.borrower_id, p.id, p.code, '{}'::jsonb, 50000000, 1400, 'B2', p.tenor_unit, p.max_tenor, p.method, 50000000::bigint * p.platform_fee_bps / 10000,
          p.late_fee_daily_ppm, p.service_fee_bps, p.min_investment, p.investment_step, 0, 'Bench working capital', 'trade',
          (case when b.k % 10 = 0 then 'late' else 'active' end)::loan_status, 50000000, b.created_at, b.created_at, b.created_at + interval '14 days',
          b.created_at + interval '15 days', case when b.k % 10 = 0 then 1 + b.k % 60 else 0 end, b.created_at, '${at}'::timestamptz
        from bench_loans b cross join n join p on p.i = b.k % n.c`);
      await tx_(`
        insert into installments (loan_id, schedule_version, number, due_date, principal, interest)
        select loan_id, 1, 1, '${at}'::timestamptz + make_interval(days => (k * 7) % 46 - 10), 25000000, 300000 from bench_loans
        union all
        select loan_id, 1, 2, '${at}'::timestamptz + make_interval(days => (k * 13) % 90, hours => 12), 25000000, 300000 from bench_loans`);
    });
    await tx_(`insert into gold_prices (at, source, mid_per_gram, buy_per_gram, sell_per_gram) values ('${at}'::timestamptz - interval '1 hour', 'bench', 1525000, 1550000, ${GOLD_PRICE_PER_GRAM})`);
    // Cash for most approved lenders (Rp50 000 – Rp200 M, log-uniform), gold for a fifth of them.
    await step("ledger balances", () =>
      tx_(`
      insert into ledger_accounts (owner_type, owner_id, type, unit, allow_negative, balance, created_at)
      select 'user'::ledger_owner_type, id, 'user_cash', 'IDR'::ledger_unit, false,
        case when role = 'lender' and kyc_status = 'approved' and r1 < 0.75 then (floor(exp(r2 * ln(4000))) * 50000)::bigint else 0 end, created_at
      from bench_users
      union all
      select 'user'::ledger_owner_type, id, 'user_gold', 'XAU'::ledger_unit, false, (1 + floor(r3 * 500000))::bigint, created_at
      from bench_users where role = 'lender' and kyc_status = 'approved' and r4 < 0.2`),
    );
  });

  // Events: lifecycle first, then behaviour drawn with a skew towards the earliest (longest-lived) users.
  // Bulk-load practice: the secondary indexes are dropped and rebuilt after (same definitions, read from
  // the catalogue, so partitioned indexes come back on every partition), and the user foreign-key trigger
  // is off for the seeding session (above).
  const indexDefs = rowsOf<{ name: string; def: string }>(
    await x(`
      select i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname = 'events' and t.relnamespace = 'public'::regnamespace
        and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`),
  );
  for (const d of indexDefs) await x(`drop index "${d.name}"`);
  const lifecycleCount = async () => Number(rowsOf<{ n: string | number }>(await x(`select count(*) as n from events`))[0]!.n);
  await step("events: lifecycle", async () => {
    await x(`
      insert into events (occurred_at, user_id, name, properties, context)
      select b.created_at, b.id, 'user_signed_up',
        jsonb_build_object('role', b.role, 'locale', b.locale, 'acquisitionSource', u.acquisition->>'source', 'acquisitionMedium', u.acquisition->>'medium', 'acquisitionCampaign', u.acquisition->>'campaign'),
        jsonb_build_object('locale', b.locale)
      from bench_users b join users u on u.id = b.id`);
    await x(`
      insert into events (occurred_at, user_id, name, properties, context)
      select u.created_at + make_interval(hours => s.i), u.id, 'kyc_step_completed',
        jsonb_build_object('step', (array${STEPS_SQL})[s.i], 'resubmission', false), jsonb_build_object('locale', u.locale, 'page', '/lender/kyc')
      from bench_users u
      cross join lateral generate_series(1, case when u.kyc_status = 'not_started' then 0 when u.kyc_status = 'draft' then u.kyc_reached else 6 end) s(i)`);
    await x(`
      insert into events (occurred_at, user_id, name, properties, context)
      select created_at + interval '2 days', id, 'kyc_submitted', '{"version":1,"resubmission":false}'::jsonb, '{}'::jsonb from bench_users where kyc_status in ('submitted', 'approved', 'rejected')
      union all
      select created_at + interval '3 days', id, case when kyc_status = 'approved' then 'kyc_approved' else 'kyc_rejected' end,
        case when kyc_status = 'approved' then '{"version":1}'::jsonb else '{"version":1,"steps":["selfie"]}'::jsonb end, '{}'::jsonb
      from bench_users where kyc_status in ('approved', 'rejected')`);
  });
  const lifecycle = await lifecycleCount();
  const behaviour = Math.max(0, opts.events - lifecycle);
  const investors = Number(rowsOf<{ n: string | number }>(await x(`select count(*) as n from bench_investors`))[0]!.n);
  const loans = Number(rowsOf<{ n: string | number }>(await x(`select count(*) as n from bench_loans`))[0]!.n);
  const pages = `(array${JSON.stringify(PAGES).replace(/"/g, "'")})`;
  // Name by weight; money events only for investors (approved lenders).
  const names = [
    { sql: `'page_viewed'`, weight: 50 },
    { sql: `'session_started'`, weight: 11 },
    { sql: `'element_clicked'`, weight: 6 },
    { sql: `'gold_price_viewed'`, weight: 4 },
    { sql: `'user_signed_in'`, weight: 6 },
    { sql: `'topup_paid'`, weight: 7 },
    { sql: `'loan_invested'`, weight: 9 },
    { sql: `'gold_bought'`, weight: 3 },
    { sql: `'cart_item_added'`, weight: 2 },
    { sql: `'withdrawal_requested'`, weight: 2 },
  ];
  const CHUNK = 250_000;
  await step("events: behaviour", async () => {
    for (let from = 1; from <= behaviour; from += CHUNK) {
      const to = Math.min(behaviour, from + CHUNK - 1);
      await x(`
        with d as (
          select g, ${weighted("rn", names)} as name, rt, ra, rp, ru
          from (select g, random() as rn, random() as rt, random() as ra, random() as rp, random() as ru from generate_series(${from}, ${to}) g) r
        ),
        w as (
          select d.*, case when d.name in ('topup_paid', 'loan_invested', 'gold_bought', 'cart_item_added', 'withdrawal_requested')
              then (select n from bench_investors where k = least(${investors}, 1 + floor(power(d.ru, 1.6) * ${investors})::int))
              else least(${U}, 1 + floor(power(d.ru, 1.6) * ${U})::int) end as un
          from d
        )
        insert into events (occurred_at, user_id, name, properties, context)
        select u.created_at + ('${at}'::timestamptz - u.created_at) * w.rt, u.id, w.name,
          case w.name
            when 'page_viewed' then jsonb_build_object('path', ${pages}[1 + floor(w.rp * ${PAGES.length})::int], 'title', 'Lumbung')
            when 'session_started' then jsonb_build_object('path', ${pages}[1 + floor(w.rp * ${PAGES.length})::int], 'device', case when w.ra < 0.7 then 'mobile' else 'desktop' end, 'browser', 'Chrome')
            when 'element_clicked' then jsonb_build_object('id', 'cta-invest', 'path', ${pages}[1 + floor(w.rp * ${PAGES.length})::int])
            when 'gold_price_viewed' then jsonb_build_object('path', '/lender/gold', 'buyPerGram', '1550000', 'sellPerGram', '${GOLD_PRICE_PER_GRAM}')
            when 'user_signed_in' then jsonb_build_object('role', u.role, 'secondFactor', false)
            when 'topup_paid' then jsonb_build_object('topUpId', gen_random_uuid(), 'amount', ((1 + floor(power(w.ra, 3) * 200)) * 100000)::bigint::text, 'method', case when w.rp < 0.8 then 'va' else 'qris' end, 'bank', (array['bca','bni','bri','mandiri'])[1 + floor(w.rp * 4)::int])
            when 'loan_invested' then jsonb_build_object('loanId', (select loan_id from bench_loans where k = least(${loans}, 1 + floor(w.rp * ${loans})::int)), 'investmentId', gen_random_uuid(), 'amount', ((1 + floor(power(w.ra, 3) * 100)) * 100000)::bigint::text, 'source', case when w.rp < 0.3 then 'auto' else 'manual' end)
            when 'gold_bought' then jsonb_build_object('tradeId', gen_random_uuid(), 'units', (1 + floor(w.ra * 100000))::bigint::text, 'rupiah', ((1 + floor(w.ra * 100000)) * 155)::bigint::text, 'pricePerGram', '1550000', 'mode', 'rupiah', 'priceChange7dBps', (floor(w.rp * 400) - 200)::int, 'source', 'manual', 'recurringPlanId', null)
            when 'cart_item_added' then jsonb_build_object('loanId', gen_random_uuid(), 'product', (array['modal-usaha','invoice','pendanaan-cepat'])[1 + floor(w.rp * 3)::int], 'amount', '1000000')
            when 'withdrawal_requested' then jsonb_build_object('withdrawalId', gen_random_uuid(), 'amount', ((1 + floor(w.ra * 50)) * 100000)::bigint::text, 'fee', '5000', 'bank', 'bca')
            else '{}'::jsonb end,
          case when w.name in ('page_viewed', 'session_started')
            then jsonb_build_object('locale', u.locale, 'userAgent', 'Mozilla/5.0 (bench)', 'device', case when u.r4 < 0.7 then 'mobile' else 'desktop' end,
              'browser', case when u.r2 < 0.6 then 'Chrome' when u.r2 < 0.85 then 'Safari' else 'Firefox' end)
            when w.name in ('element_clicked', 'gold_price_viewed') then jsonb_build_object('locale', u.locale, 'userAgent', 'Mozilla/5.0 (bench)')
            else '{}'::jsonb end
        from w join bench_users u on u.n = w.un`);
      console.log(`  … ${to.toLocaleString("en")} / ${behaviour.toLocaleString("en")} behaviour events`);
    }
  });

  // The facts behind the money events, as the domains store them: the investments and the gold trades.
  await step("investments and gold trades", async () => {
    await x(`
      insert into loan_investments (id, loan_id, lender_id, amount, status, source, idempotency_key, created_at)
      select (properties->>'investmentId')::uuid, (properties->>'loanId')::uuid, user_id, (properties->>'amount')::bigint, 'active', properties->>'source',
        'bench:' || (properties->>'investmentId'), occurred_at
      from events where name = 'loan_invested'`);
    await x(`
      insert into gold_trades (id, user_id, side, units, rupiah, price_per_gram, input_mode, source, idempotency_key, created_at)
      select (properties->>'tradeId')::uuid, user_id, 'buy', (properties->>'units')::bigint, (properties->>'rupiah')::bigint, (properties->>'pricePerGram')::bigint,
        'rupiah', 'manual', 'bench:' || (properties->>'tradeId'), occurred_at
      from events where name = 'gold_bought'`);
  });
  await x(`set session_replication_role = default`);
  await step("events: indexes rebuilt", async () => {
    await x(`set maintenance_work_mem = '256MB'`);
    for (const d of indexDefs) await x(d.def.replace(" ON ONLY ", " ON "));
  });

  await step("analyze", () => x(`analyze`));
  const counts = rowsOf<{ users: number; lenders: number; borrowers: number; events: string | number }>(
    await x(`select (select count(*) from users)::int as users, (select count(*) from users where role = 'lender')::int as lenders,
      (select count(*) from users where role = 'borrower')::int as borrowers, (select count(*) from events) as events`),
  )[0]!;
  return { users: counts.users, lenders: counts.lenders, borrowers: counts.borrowers, events: Number(counts.events), phases };
}

/**
 * Profiles written directly (PROFILES=direct: the bench's stand-in for refreshTraits), with the
 * event-derived traits computed from the seeded events.
 */
export async function writeProfilesDirect(db: Db, atDate: Date): Promise<void> {
  const at = atDate.toISOString();
  const x = (q: string) => db.execute(sql.raw(q));
  {
    await x(`
      insert into profiles (user_id, role, personas, age_band, city, province, device, browser, language, acquisition_channel, acquisition_campaign,
        signed_up_at, kyc_status, kyc_step, cash_balance, gold_held, auto_purchase_on, next_due_date, days_past_due, next_maturity_date, updated_at)
      select u.id, u.role, case when u.role = 'borrower' then '{borrower}'::text[] else '{}'::text[] end,
        (array['18-24','25-34','35-44','45-54','55+'])[1 + floor(u.r3 * 5)::int],
        c.city, c.province,
        case when u.r4 < 0.7 then 'mobile' else 'desktop' end, case when u.r2 < 0.6 then 'Chrome' when u.r2 < 0.85 then 'Safari' else 'Firefox' end,
        u.locale, usr.acquisition->>'source', usr.acquisition->>'campaign', u.created_at, u.kyc_status,
        case when u.kyc_status = 'draft' then (array${STEPS_SQL})[u.kyc_reached + 1] end,
        coalesce(cash.balance, 0), coalesce(gold.balance, 0), u.role = 'lender' and u.kyc_status = 'approved' and u.r4 < 0.15,
        case when u.role = 'borrower' and u.r1 < 0.8 then ('${at}'::timestamptz + make_interval(days => floor(u.r2 * 30)::int))::date end,
        case when u.role = 'borrower' and u.r3 < 0.12 then 1 + floor(u.r4 * 90)::int else 0 end,
        case when u.role = 'lender' and u.kyc_status = 'approved' and u.r3 < 0.3 then ('${at}'::timestamptz + make_interval(days => floor(u.r1 * 60)::int))::date end,
        '${at}'::timestamptz
      from bench_users u
      join users usr on usr.id = u.id
      join bench_cities c on c.i = u.city_i
      left join ledger_accounts cash on cash.owner_type = 'user' and cash.owner_id = u.id and cash.type = 'user_cash'
      left join ledger_accounts gold on gold.owner_type = 'user' and gold.owner_id = u.id and gold.type = 'user_gold'`);
    await x(`
      update profiles p set last_active_at = e.last_at, first_investment_at = e.first_inv, last_investment_at = e.last_inv,
        investments_count = e.inv_count, total_invested = e.invested, outstanding_principal = e.invested * 6 / 10,
        idle_cash = p.cash_balance, idle_since = case when p.cash_balance > 0 then coalesce(e.last_inv, p.signed_up_at) end,
        products_used = array_remove(array[case when e.inv_count > 0 then 'p2p_loans' end, case when p.auto_purchase_on then 'auto_purchase' end, case when p.gold_held > 0 then 'gold' end], null),
        personas = p.personas || array_remove(array[case when e.inv_count > 0 then 'investor' end, case when p.auto_purchase_on then 'auto_investor' end, case when p.gold_held > 0 then 'gold_saver' end], null)
      from (
        select user_id, max(occurred_at) as last_at,
          min(occurred_at) filter (where name = 'loan_invested') as first_inv, max(occurred_at) filter (where name = 'loan_invested') as last_inv,
          (count(*) filter (where name = 'loan_invested'))::int as inv_count,
          coalesce(sum((properties->>'amount')::bigint) filter (where name = 'loan_invested'), 0) as invested
        from events where user_id is not null group by user_id
      ) e where e.user_id = p.user_id`);
    await x(`update profiles set account_value = cash_balance + outstanding_principal + gold_held * ${GOLD_PRICE_PER_GRAM} / 10000`);
  }
}
