/**
 * Auto-purchase benchmark (docs/PERFORMANCE.md): 10 000 lenders with strategies, 200 listed loans,
 * matching run for every loan on PostgreSQL, timed.
 *
 *   npm run bench:autopurchase
 *   (= tsx --conditions=react-server bench/autopurchase.ts; BENCH_DATABASE_URL defaults to
 *    postgres://postgres@127.0.0.1:5432/postgres — a fresh database lumbung_bench_<ts> is created
 *    there, migrated, and dropped at the end)
 *
 * Seeding is set-based SQL (not 10 000 verb calls) and is not timed; the timed part is matchLoan()
 * for each of the 200 loans, one after another, exactly as the match-loan job runs it.
 * Options: LENDERS=10000 LOANS=200 SEED=42 WORKERS=1 KEEP_DB=1 ANALYZE_AT=3 (see the loop),
 * BATCH=n (candidates evaluated per round, matchLoan's batchSize; default LAZY_BATCH_SIZE).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { closeDatabase, setDatabase } from "@/db";
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { autoPurchaseStrategies, loanProducts } from "@/db/schema";
import { advanceNow, now, setNow } from "@/lib/clock";
import { systemCtx } from "@/lib/context";
import { POA_VERSION } from "@/lib/autopurchase/schemas";
import { matchLoan, type MatchSummary } from "@/lib/autopurchase/match";
import { matchPhases } from "@/lib/autopurchase/phases";
import { computeLedgerHealth } from "@/lib/ledger";
import { ensureLoanDefaults } from "@/lib/loans/internal/defaults";
import { RISK_DISCLOSURE_VERSION } from "@/lib/lending/schemas";
import { SUBGRADES } from "@/lib/loans/grades";
import { SECTORS } from "@/lib/loans/scoring";

const LENDERS = Number(process.env.LENDERS ?? 10_000);
const LOANS = Number(process.env.LOANS ?? 200);
const WORKERS = Number(process.env.WORKERS ?? 1);
const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// Deterministic pseudo-random numbers (mulberry32): the same figures run after run.
let seed = Number(process.env.SEED ?? 42) >>> 0;
function rand(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const subset = <T>(a: readonly T[], p: number): T[] => a.filter(() => rand() < p);

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function startCpuProfile() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      return profile;
    },
  };
}

/** The machine's CPU time so far from /proc/stat (user, system, idle…, in clock ticks of 10 ms), Linux only; zeros elsewhere. */
function machineCpu(): number[] {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    return line.trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return [0, 0, 0, 0, 0, 0, 0, 0];
  }
}

function gini(values: number[]): number {
  const n = values.length;
  const sum = values.reduce((s, v) => s + v, 0);
  if (n === 0 || sum === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((v, i) => (weighted += (i + 1) * v));
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

async function main() {
  const name = `lumbung_bench_${Date.now()}`;
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  const handle = openPostgres(url.toString(), { max: 10 });
  setDatabase(handle);
  const db = handle.db;
  try {
    await migrateDatabase(handle);
    setNow("2026-03-02T03:00:00Z");
    const at = now();
    const atIso = at.toISOString();
    const t0 = process.hrtime.bigint();
    await ensureLoanDefaults(db);
    const products = await db.select().from(loanProducts);

    // Lenders: user, approved KYC with income, passed risk check, power of attorney, cash through real ledger transfers.
    await db.execute(sql`
      insert into users (email, password_hash, role, full_name, phone, locale, created_at, updated_at)
      select 'bench-lender-' || g || '@bench.test', 'x', 'lender', 'Bench Lender ' || g, '081200000000', 'en', ${atIso}::timestamptz, ${atIso}::timestamptz
      from generate_series(1, ${LENDERS}) g`);
    await db.execute(sql`
      insert into users (email, password_hash, role, full_name, phone, locale, company_name, business_sector, created_at, updated_at)
      select 'bench-borrower-' || g || '@bench.test', 'x', 'borrower', 'Bench Borrower ' || g, '081200000000', 'en', 'PT Bench ' || g, 'trade', ${atIso}::timestamptz, ${atIso}::timestamptz
      from generate_series(1, ${LOANS}) g`);
    const lenderIds = rowsOf<{ id: string }>(await db.execute(sql`select id from users where role = 'lender' order by email`)).map((r) => r.id);
    const borrowerIds = rowsOf<{ id: string }>(await db.execute(sql`select id from users where role = 'borrower' order by email`)).map((r) => r.id);
    // Income 60 M – 6 B a year (limit 10 % / 20 %), cash Rp1 M – Rp200 M.
    const lenderRows = lenderIds.map((id) => ({ id, income: BigInt(int(60, 6000)) * 1_000_000n, cash: BigInt(int(1, 200)) * 1_000_000n }));
    const values = (rows: string[]) => sql.raw(rows.join(","));
    for (let i = 0; i < lenderRows.length; i += 2000) {
      const chunk = lenderRows.slice(i, i + 2000);
      await db.execute(sql`
        with v(id, income, cash) as (values ${values(chunk.map((r) => `('${r.id}'::uuid, ${r.income}::bigint, ${r.cash}::bigint)`))}),
        p as (
          insert into kyc_profiles (user_id, status, submitted_at, decided_at, version, created_at, updated_at)
          select id, 'approved', ${atIso}::timestamptz, ${atIso}::timestamptz, 1, ${atIso}::timestamptz, ${atIso}::timestamptz from v returning id, user_id
        ),
        s as (
          insert into kyc_steps (profile_id, user_id, step, data, status, updated_at)
          select p.id, p.user_id, 'occupation', jsonb_build_object('occupation', 'entrepreneur', 'annualIncome', v.income::text), 'approved', ${atIso}::timestamptz
          from p join v on v.id = p.user_id returning 1
        ),
        r as (
          insert into risk_acknowledgements (user_id, version, disclosure_accepted_at, quiz_passed_at, answers)
          select id, ${RISK_DISCLOSURE_VERSION}, ${atIso}::timestamptz, ${atIso}::timestamptz, '{}'::jsonb from v returning 1
        ),
        a as (
          insert into auto_purchase_lenders (lender_id, poa_version, poa_accepted_at, created_at, updated_at)
          select id, ${POA_VERSION}, ${atIso}::timestamptz, ${atIso}::timestamptz, ${atIso}::timestamptz from v returning 1
        )
        insert into ledger_accounts (owner_type, owner_id, type, unit, allow_negative, created_at)
        select 'user', id, t, 'IDR', false, ${atIso}::timestamptz from v cross join (values ('user_cash'), ('lender_reserved')) x(t)`);
    }
    await db.execute(sql`
      insert into ledger_accounts (owner_type, owner_id, type, unit, allow_negative, created_at)
      values ('platform', null, 'gateway_clearing', 'IDR', true, ${atIso}::timestamptz) on conflict do nothing`);
    const cashByLender = new Map(lenderRows.map((r) => [r.id, r.cash]));
    for (let i = 0; i < lenderRows.length; i += 2000) {
      const chunk = lenderRows.slice(i, i + 2000);
      await db.execute(sql`
        with v(id, cash) as (values ${values(chunk.map((r) => `('${r.id}'::uuid, ${cashByLender.get(r.id)}::bigint)`))})
        insert into ledger_transfers (debit_account_id, credit_account_id, amount, unit, kind, idempotency_key, reference_type, reference_id, occurred_at, metadata)
        select g.id, c.id, v.cash, 'IDR', 'topup', 'bench:topup:' || v.id, 'bench', v.id::text, ${atIso}::timestamptz, '{}'::jsonb
        from v join ledger_accounts c on c.owner_type = 'user' and c.owner_id = v.id and c.type = 'user_cash'
        cross join (select id from ledger_accounts where owner_type = 'platform' and type = 'gateway_clearing') g`);
    }
    await db.execute(sql`
      update ledger_accounts a set balance = coalesce((select sum(amount) from ledger_transfers t where t.credit_account_id = a.id), 0)
        - coalesce((select sum(amount) from ledger_transfers t where t.debit_account_id = a.id), 0)`);

    // Strategies: one per lender, varied rules (some broad, most selective), amounts Rp100 000 – Rp10 M.
    const letters = ["A", "B", "C", "D", "E"];
    const strategies = lenderIds.map((lenderId) => {
      const grades = rand() < 0.3 ? [] : SUBGRADES.filter((g) => subset(letters, 0.5).includes(g[0]!));
      const minT = rand() < 0.6 ? null : int(1, 6);
      const maxT = rand() < 0.6 ? null : int(Math.max(minT ?? 1, 3), 24);
      const amountPerLoan = BigInt(pick([1, 2, 5, 10, 10, 20, 50, 100])) * 100_000n;
      return {
        lenderId,
        name: "Bench",
        active: true,
        priority: 1,
        productCodes: rand() < 0.4 ? [] : subset(products.map((p) => p.code), 0.6),
        subgrades: grades,
        minTenorMonths: minT,
        maxTenorMonths: maxT,
        minRateBps: rand() < 0.5 ? null : int(10, 16) * 100,
        sectors: rand() < 0.8 ? [] : subset(SECTORS, 0.5),
        methods: [],
        amountPerLoan,
        budget: amountPerLoan * BigInt(int(10, 200)),
        maxPerBorrower: rand() < 0.8 ? null : amountPerLoan * 2n,
        cashReserve: rand() < 0.7 ? 0n : BigInt(int(1, 20)) * 1_000_000n,
        reinvest: rand() < 0.7,
        createdAt: at,
        updatedAt: at,
      };
    });
    for (let i = 0; i < strategies.length; i += 1000) await db.insert(autoPurchaseStrategies).values(strategies.slice(i, i + 1000));

    // 200 listed loans (applications approved; loans as approveApplication writes them).
    const loanRows = borrowerIds.map((borrowerId) => {
      const p = pick(products);
      const subgrade = pick(SUBGRADES.slice(0, 20));
      const band = p.rateBands[subgrade[0] as "A"];
      const tenor = int(p.minTenor, p.maxTenor);
      const principal = (BigInt(int(Number(p.minAmount / 1_000_000n), Math.min(Number(p.maxAmount / 1_000_000n), 500))) * 1_000_000n);
      const holdback = ((principal * BigInt(p.holdbackBps)) / 10_000n / p.investmentStep) * p.investmentStep;
      return { borrowerId, p, subgrade, rateBps: int(band.minRateBps, band.maxRateBps), tenor, principal, holdback, sector: pick(SECTORS) };
    });
    const deadline = new Date(at.getTime() + 14 * 86_400_000).toISOString();
    const holdbackUntil = new Date(at.getTime() + 24 * 3_600_000).toISOString();
    await db.execute(sql`
      with v(borrower_id, product_id, product_code, principal, rate_bps, subgrade, tenor_unit, tenor, method, min_inv, step, holdback, sector, fee_bps, late_ppm, service_bps) as (
        values ${values(
          loanRows.map(
            (l) =>
              `('${l.borrowerId}'::uuid, '${l.p.id}'::uuid, '${l.p.code}', ${l.principal}::bigint, ${l.rateBps}, '${l.subgrade}', '${l.p.tenorUnit}'::tenor_unit, ${l.tenor}, '${l.p.method}'::repayment_method, ${l.p.minInvestment}::bigint, ${l.p.investmentStep}::bigint, ${l.holdback}::bigint, '${l.sector}', ${l.p.platformFeeBps}, ${l.p.lateFeeDailyPpm}, ${l.p.serviceFeeBps})`,
          ),
        )}
      ),
      apps as (
        insert into loan_applications (borrower_id, status, business, financials, product_id, amount, tenor, purpose, subgrade, rate_bps, submitted_at, decided_at, created_at, updated_at)
        select borrower_id, 'approved', jsonb_build_object('sector', sector), '{}'::jsonb, product_id, principal, tenor, 'Bench working capital', subgrade, rate_bps, ${atIso}::timestamptz, ${atIso}::timestamptz, ${atIso}::timestamptz, ${atIso}::timestamptz
        from v returning id, borrower_id
      )
      insert into loans (application_id, borrower_id, product_id, product_code, terms, principal, rate_bps, subgrade, tenor_unit, tenor, method, platform_fee, late_fee_daily_ppm,
        service_fee_bps, min_investment, investment_step, holdback_amount, purpose, sector, listed_at, holdback_until, funding_deadline, created_at, updated_at)
      select apps.id, v.borrower_id, v.product_id, v.product_code, '{}'::jsonb, v.principal, v.rate_bps, v.subgrade, v.tenor_unit, v.tenor, v.method, v.principal * v.fee_bps / 10000, v.late_ppm,
        v.service_bps, v.min_inv, v.step, v.holdback, 'Bench working capital', v.sector, ${atIso}::timestamptz, ${holdbackUntil}::timestamptz, ${deadline}::timestamptz, ${atIso}::timestamptz, ${atIso}::timestamptz
      from v join apps on apps.borrower_id = v.borrower_id`);
    await db.execute(sql`analyze`);
    const loanIds = rowsOf<{ id: string }>(await db.execute(sql`select id from loans order by listed_at, id`)).map((r) => r.id);
    const seedMs = ms(t0);
    console.log(`seeded ${LENDERS} lenders/strategies and ${loanIds.length} loans in ${(seedMs / 1000).toFixed(1)} s (not timed below)`);

    // The timed part: the match-loan job for every loan, one after another.
    const summaries: MatchSummary[] = [];
    const perLoan: number[] = [];
    // CPU_PROFILE=file: a V8 CPU profile of the timed part only (open it in Chrome DevTools).
    const profiler = process.env.CPU_PROFILE ? await startCpuProfile() : null;
    const cpu0 = process.cpuUsage();
    const machine0 = machineCpu();
    const t1 = process.hrtime.bigint();
    // WORKERS=n: n match-loan jobs at once, as n job workers would run them (default 1).
    const queue = [...loanIds];
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          // Each loan is matched a minute after the previous one, as loans listed at different times are: the
          // allocation's least-recently-allocated ranking needs distinct lastAllocatedAt times (a frozen clock
          // would stamp every allocation alike and fall back to ordering by lender id).
          advanceNow(60_000);
          const t = process.hrtime.bigint();
          summaries.push(await matchLoan({ ctx: systemCtx("bench"), input: { loanId: id, withRequests: true, batchSize: process.env.BATCH ? Number(process.env.BATCH) : undefined } }));
          perLoan.push(ms(t));
          // ANALYZE_AT=n: ANALYZE loan_investments once after the n-th loan (timed), as autovacuum would on a live
          // database. It mattered while skip/bought decisions had a foreign key into loan_investments, whose check
          // kept a seq-scan plan from the empty table (docs/PERFORMANCE.md); since purchases are the investments
          // themselves (migration 0010) no hot write checks a key in that table, and the default run needs no help.
          if (process.env.ANALYZE_AT && summaries.length === Number(process.env.ANALYZE_AT)) await db.execute(sql`analyze loan_investments`);
        }
      }),
    );
    const totalMs = ms(t1);
    const cpu = process.cpuUsage(cpu0);
    if (profiler) writeFileSync(process.env.CPU_PROFILE!, JSON.stringify(await profiler.stop()));
    const machine = machineCpu().map((v, i) => v - machine0[i]!);

    const candidates = summaries.reduce((s, x) => s + x.candidates, 0);
    const evaluated = summaries.reduce((s, x) => s + x.evaluated, 0);
    const bought = summaries.reduce((s, x) => s + x.bought, 0);
    const skipped = summaries.reduce((s, x) => s + x.skipped, 0);
    const allocated = summaries.reduce((s, x) => s + x.allocated, 0n);
    const supply = summaries.reduce((s, x) => s + x.supply, 0n);
    // Fairness: per loan, Gini of allocated/requested among the lenders whose strategy asked for it; averaged over loans weighted by participants.
    let giniWeighted = 0;
    let giniAllocatedWeighted = 0;
    let participants = 0;
    let participantsAllocated = 0;
    for (const s of summaries) {
      const ratios = (s.requests ?? []).map((r) => Number(r.allocated) / Number(r.requested));
      const got = ratios.filter((r) => r > 0);
      giniWeighted += gini(ratios) * ratios.length;
      giniAllocatedWeighted += gini(got) * got.length;
      participants += ratios.length;
      participantsAllocated += got.length;
    }
    // Fairness across loans: per lender, Σ allocated ÷ Σ requested over every loan its strategy asked for;
    // the Gini of that ratio across lenders, and the share of those lenders allocated at least once.
    const perLender = new Map<string, { requested: bigint; allocated: bigint; loans: number; got: number }>();
    for (const s of summaries) {
      for (const r of s.requests ?? []) {
        const t = perLender.get(r.lenderId) ?? { requested: 0n, allocated: 0n, loans: 0, got: 0 };
        t.requested += r.requested;
        t.allocated += r.allocated;
        t.loans += 1;
        if (r.allocated > 0n) t.got += 1;
        perLender.set(r.lenderId, t);
      }
    }
    const lenderTotals = [...perLender.values()];
    const acrossRatios = lenderTotals.map((t) => Number(t.allocated) / Number(t.requested));
    const everAllocated = lenderTotals.filter((t) => t.got > 0).length;
    const neverAsked = lenderTotals.filter((t) => t.got === 0).map((t) => t.loans).sort((a, b) => a - b);
    const loansAskedMedian = [...lenderTotals.map((t) => t.loans)].sort((a, b) => a - b)[Math.floor(lenderTotals.length / 2)] ?? 0;
    const overfunded = rowsOf<{ n: number; mismatched: number }>(
      await db.execute(sql`
        select count(*) filter (where funded_amount > principal)::int as n,
          count(*) filter (where funded_amount <> coalesce((select sum(amount) from loan_investments i where i.loan_id = loans.id), 0))::int as mismatched
        from loans`),
    )[0]!;
    const ledgerOnce = rowsOf<{ investments: number; transfers: number }>(
      await db.execute(sql`
        select (select count(*) from loan_investments)::int as investments,
          (select count(distinct reference_id) from ledger_transfers where kind = 'loan_investment_reserve')::int as transfers`),
    )[0]!;
    const health = await computeLedgerHealth(db);
    const sorted = [...perLoan].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

    console.log(`
auto-purchase benchmark — ${LENDERS} lenders/strategies, ${loanIds.length} loans, ${WORKERS} worker(s), PostgreSQL
  total matching time        ${(totalMs / 1000).toFixed(2)} s   (target < 10 s)  ${totalMs < 10_000 ? "PASS" : "FAIL"}
  loans per second           ${((loanIds.length * 1000) / totalMs).toFixed(1)}
  strategies evaluated / s   ${Math.round((LENDERS * loanIds.length * 1000) / totalMs).toLocaleString("en")}  (every active strategy against every loan)
  CPU during matching        this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)}); whole machine busy ${((machine[0]! + machine[1]! + machine[2]! + machine[5]! + machine[6]!) / 100).toFixed(2)} s, idle ${((machine[3]! + machine[4]!) / 100).toFixed(2)} s (of ${((2 * totalMs) / 1000).toFixed(2)} core-seconds on 2 cores; PostgreSQL is most of the rest)
  per loan ms p50/p90/max    ${pct(50).toFixed(0)} / ${pct(90).toFixed(0)} / ${sorted[sorted.length - 1]!.toFixed(0)}
  candidates (read from the queue) ${candidates.toLocaleString("en")}   evaluated ${evaluated.toLocaleString("en")}   bought ${bought.toLocaleString("en")}   skipped ${skipped.toLocaleString("en")}
  allocated / auto supply    Rp${allocated.toLocaleString("en")} / Rp${supply.toLocaleString("en")}
  fairness: Gini of allocated/requested per loan, among lenders who asked  ${(giniWeighted / Math.max(1, participants)).toFixed(3)}  (${participants.toLocaleString("en")} requests)
            … among those allocated anything                              ${(giniAllocatedWeighted / Math.max(1, participantsAllocated)).toFixed(3)}  (${participantsAllocated.toLocaleString("en")})
  fairness across all loans: Gini of Σ allocated/Σ requested per lender     ${gini(acrossRatios).toFixed(3)}  (${lenderTotals.length.toLocaleString("en")} lenders who asked; median ${loansAskedMedian} loans each)
            lenders allocated at least once                                ${everAllocated.toLocaleString("en")} / ${lenderTotals.length.toLocaleString("en")} (${((100 * everAllocated) / Math.max(1, lenderTotals.length)).toFixed(1)} %)
            the never allocated asked for a median of ${neverAsked[Math.floor(neverAsked.length / 2)] ?? 0} loans (max ${neverAsked[neverAsked.length - 1] ?? 0})
  buyers per loan            ${(bought / Math.max(1, summaries.length)).toFixed(0)} on average
  overfunded loans           ${overfunded.n}   funded ≠ Σ investments: ${overfunded.mismatched}
  investments / ledger reserve transfers  ${ledgerOnce.investments} / ${ledgerOnce.transfers}
  ledger health              ${health.ok ? "green" : "RED " + JSON.stringify(health.checks.filter((c) => !c.ok))}
  time per phase (s, summed over loans)
${Object.entries(matchPhases).map(([k, v]) => `    ${k.padEnd(32)} ${(v / 1000).toFixed(2)}`).join("\n")}
`);
    if (overfunded.n > 0 || overfunded.mismatched > 0 || ledgerOnce.investments !== ledgerOnce.transfers || !health.ok) process.exitCode = 1;
  } finally {
    await closeDatabase();
    if (!process.env.KEEP_DB) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
