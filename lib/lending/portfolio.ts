import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { NotFound, parseInput } from "@/lib/errors";
import { readUserCashBalances } from "@/lib/ledger";
import { MaturingInvestmentsInput, MonthlyStatementInput, PortfolioQuery, type PortfolioStatus } from "./schemas";
import { xirr } from "./xirr";

/**
 * The lender's portfolio, all set-based SQL scoped to the signed-in lender.
 * - Cash flows: money out = the lender's active investment on the day its loan was disbursed; money in
 *   = each lender_distributions row (net of the service fee). Reserved money of loans still funding
 *   has not left the lender yet, so it is not a flow.
 * - Outstanding principal = active investment − principal distributed, on loans active, late or in default.
 * - Net return (XIRR) "after defaults": the flows plus, today, the outstanding principal of loans that
 *   are not in default; a defaulted loan's outstanding counts as lost until it is recovered.
 * - TKB90 = 100 % − the share of the lender's outstanding principal more than 90 days past due.
 * Paths: loan_investments_lender_idx, lender_distributions_lender_idx, installments' unique
 * (loan, version, number) for schedules; no new indexes needed.
 */
const WIB = "Asia/Jakarta";
const DAY = 86_400_000;

/** Per loan: what the lender has in it. */
function mine(userId: string): SQL {
  return sql`
    inv as (
      select loan_id,
        coalesce(sum(amount) filter (where status = 'active'), 0) as active_amount,
        coalesce(sum(amount) filter (where status = 'reserved'), 0) as reserved_amount
      from loan_investments where lender_id = ${userId}::uuid and status <> 'released' group by loan_id
    ),
    got as (
      select i.loan_id, sum(d.principal) as principal
      from lender_distributions d join loan_investments i on i.id = d.investment_id
      where d.lender_id = ${userId}::uuid group by i.loan_id
    ),
    mine as (
      select l.id, l.status, l.subgrade, l.sector, l.product_code, lp.name as product_name, coalesce(la.business->>'legalName', '') as business_name, l.rate_bps, l.principal as loan_principal, l.days_past_due,
        l.schedule_version, inv.active_amount, inv.reserved_amount,
        inv.active_amount + inv.reserved_amount as invested,
        case when l.status in ('active', 'late', 'default') then inv.active_amount - coalesce(got.principal, 0) else 0 end as outstanding,
        case when l.status in ('funding', 'funded') then 'funding'
             when l.status in ('default', 'written_off') then 'default'
             else l.status::text end as display_status
      from inv join loans l on l.id = inv.loan_id left join got on got.loan_id = l.id
        join loan_products lp on lp.id = l.product_id join loan_applications la on la.id = l.application_id
    )`;
}

export type CashFlowRow = { at: Date; kind: "investment" | "repayment"; loanId: string; amount: bigint; principal: bigint; interest: bigint; lateFee: bigint; serviceFee: bigint };

async function cashFlowsOf(ctx: Ctx, userId: string, range?: { from: Date; to: Date }): Promise<CashFlowRow[]> {
  const within = range ? sql`where at >= ${range.from.toISOString()}::timestamptz and at < ${range.to.toISOString()}::timestamptz` : sql``;
  const rows = rowsOf<{ at: string | Date; kind: CashFlowRow["kind"]; loan_id: string; amount: string; principal: string; interest: string; late_fee: string; service_fee: string }>(
    await dbOf(ctx).execute(sql`
      select at, kind, loan_id, amount::text, principal::text, interest::text, late_fee::text, service_fee::text from (
        select l.disbursed_at as at, 'investment' as kind, l.id as loan_id, -sum(i.amount) as amount, 0::bigint as principal, 0::bigint as interest, 0::bigint as late_fee, 0::bigint as service_fee
        from loan_investments i join loans l on l.id = i.loan_id
        where i.lender_id = ${userId}::uuid and i.status = 'active' and l.disbursed_at is not null
        group by l.id, l.disbursed_at
        union all
        select d.occurred_at, 'repayment', i.loan_id, d.net, d.principal, d.interest, d.late_fee, d.service_fee
        from lender_distributions d join loan_investments i on i.id = d.investment_id
        where d.lender_id = ${userId}::uuid
      ) f ${within}
      order by at, kind, loan_id`),
  );
  return rows.map((r) => ({
    at: new Date(r.at),
    kind: r.kind,
    loanId: r.loan_id,
    amount: BigInt(r.amount),
    principal: BigInt(r.principal),
    interest: BigInt(r.interest),
    lateFee: BigInt(r.late_fee),
    serviceFee: BigInt(r.service_fee),
  }));
}

export type PortfolioSummary = {
  availableCash: bigint;
  outstandingPrincipal: bigint;
  reserved: bigint;
  interestReceived: bigint;
  feesPaid: bigint;
  /** Annual rate as a fraction (0.1 = 10 %); null until there is money both out and in. */
  netReturnXirr: number | null;
  loans: number;
  /** Basis points (10 000 = 100 %); 10 000 when nothing is outstanding. */
  tkb90Bps: number;
};

export async function getPortfolioSummary({ ctx }: { ctx: Ctx }): Promise<PortfolioSummary> {
  const actor = requireRole(ctx, "lender");
  const db = dbOf(ctx);
  const [balances, flows, aggregates] = await Promise.all([
    readUserCashBalances(db, actor.userId),
    cashFlowsOf(ctx, actor.userId),
    db.execute(sql`
      with ${mine(actor.userId)}
      select count(*)::int as loans,
        coalesce(sum(outstanding), 0)::text as outstanding,
        coalesce(sum(outstanding) filter (where days_past_due > 90), 0)::text as over90,
        coalesce(sum(outstanding) filter (where status not in ('default', 'written_off')), 0)::text as performing,
        coalesce(sum(reserved_amount), 0)::text as reserved
      from mine`),
  ]);
  const [a] = rowsOf<{ loans: number; outstanding: string; over90: string; performing: string; reserved: string }>(aggregates);
  const outstanding = BigInt(a?.outstanding ?? "0");
  const over90 = BigInt(a?.over90 ?? "0");
  const performing = BigInt(a?.performing ?? "0");
  const xirrFlows = flows.map((f) => ({ at: f.at, amount: f.amount }));
  if (performing > 0n) xirrFlows.push({ at: now(), amount: performing });
  return {
    availableCash: balances.available,
    outstandingPrincipal: outstanding,
    reserved: BigInt(a?.reserved ?? "0"),
    interestReceived: flows.reduce((s, f) => s + f.interest + f.lateFee, 0n),
    feesPaid: flows.reduce((s, f) => s + f.serviceFee, 0n),
    netReturnXirr: xirr(xirrFlows),
    loans: Number(a?.loans ?? 0),
    // The share over 90 days is rounded up, so TKB90 is never shown better than it is.
    tkb90Bps: outstanding === 0n ? 10_000 : Number(10_000n - (over90 * 10_000n + outstanding - 1n) / outstanding),
  };
}

export type PortfolioItem = {
  loanId: string;
  status: PortfolioStatus;
  productCode: string;
  /** The product's and the business's names: a loan is named by these, never by its id. */
  productName: string;
  businessName: string;
  subgrade: string;
  sector: string;
  rateBps: number;
  invested: bigint;
  outstanding: bigint;
  nextDueDate: Date | null;
  /** The lender's share of the next unpaid installment (before the service fee). */
  nextAmount: bigint;
  maturityDate: Date | null;
};

/** One row per loan the lender is in; filter by status, sort by maturity or amount, paginated. */
export async function listPortfolioInvestments({ ctx, input }: { ctx: Ctx; input?: unknown }) {
  const actor = requireRole(ctx, "lender");
  const q = parseInput(PortfolioQuery, input ?? {});
  const where = q.status ? sql`where m.display_status = ${q.status}` : sql``;
  const order =
    q.sort === "maturity_desc" ? sql`s.maturity desc nulls last, m.id`
    : q.sort === "amount_desc" ? sql`m.invested desc, m.id`
    : q.sort === "amount_asc" ? sql`m.invested asc, m.id`
    : sql`s.maturity asc nulls last, m.id`;
  const rows = rowsOf<{ id: string; display_status: PortfolioStatus; product_code: string; product_name: string; business_name: string; subgrade: string; sector: string; rate_bps: number; invested: string; outstanding: string; next_due: string | null; next_amount: string | null; maturity: string | null; total: number }>(
    await dbOf(ctx).execute(sql`
      with ${mine(actor.userId)}
      select m.id, m.display_status, m.product_code, m.product_name, m.business_name, m.subgrade, m.sector, m.rate_bps, m.invested::text, m.outstanding::text,
        n.due_date as next_due,
        case when n.owed is null or m.display_status = 'repaid' then null else div(n.owed::numeric * m.active_amount, m.loan_principal)::text end as next_amount,
        s.maturity, count(*) over ()::int as total
      from mine m
      left join lateral (select max(due_date) as maturity from installments where loan_id = m.id and schedule_version = m.schedule_version) s on true
      left join lateral (
        select due_date, principal + interest - principal_paid - interest_paid - interest_waived as owed
        from installments where loan_id = m.id and schedule_version = m.schedule_version and paid_at is null
        order by number limit 1) n on true
      ${where}
      order by ${order}
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  );
  const items: PortfolioItem[] = rows.map((r) => ({
    loanId: r.id,
    status: r.display_status,
    productCode: r.product_code,
    productName: r.product_name,
    businessName: r.business_name,
    subgrade: r.subgrade,
    sector: r.sector,
    rateBps: Number(r.rate_bps),
    invested: BigInt(r.invested),
    outstanding: BigInt(r.outstanding),
    nextDueDate: r.next_due ? new Date(r.next_due) : null,
    nextAmount: BigInt(r.next_amount ?? "0"),
    maturityDate: r.maturity ? new Date(r.maturity) : null,
  }));
  return { items, total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
}

export type ExpectedRepayment = { dueDate: Date; loanId: string; amount: bigint };

/** The lender's share of unpaid installments due before `until` (overdue ones included). */
async function expectedRepayments(ctx: Ctx, userId: string, until: Date): Promise<ExpectedRepayment[]> {
  const rows = rowsOf<{ due_date: string; loan_id: string; amount: string }>(
    await dbOf(ctx).execute(sql`
      with ${mine(userId)}
      select i.due_date, m.id as loan_id,
        div((i.principal + i.interest - i.principal_paid - i.interest_paid - i.interest_waived)::numeric * m.active_amount, m.loan_principal)::text as amount
      from mine m join installments i on i.loan_id = m.id and i.schedule_version = m.schedule_version
      where m.status in ('active', 'late', 'default') and m.active_amount > 0 and i.paid_at is null and i.due_date < ${until.toISOString()}::timestamptz
      order by i.due_date, m.id`),
  );
  return rows.map((r) => ({ dueDate: new Date(r.due_date), loanId: r.loan_id, amount: BigInt(r.amount) }));
}

/** Start of the month (WIB) containing `at`, and of the month after, as instants. */
export function wibMonthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1, 1) - 7 * 3_600_000);
  const to = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 7 * 3_600_000);
  return { from, to };
}
export function wibMonthOf(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

export type MaturingInvestment = { loanId: string; maturityDate: Date; outstanding: bigint; productCode: string; productName: string; businessName: string; subgrade: string };

/** Loans the lender is in whose last installment falls due within `withinDays` (the maturity-reminder journey reuses this). */
export async function listMaturingInvestments({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MaturingInvestment[]> {
  const actor = requireRole(ctx, "lender");
  const { withinDays } = parseInput(MaturingInvestmentsInput, input);
  const at = now();
  const until = new Date(at.getTime() + Math.max(0, Math.min(366, Math.floor(withinDays))) * DAY);
  const rows = rowsOf<{ id: string; maturity: string; outstanding: string; product_code: string; product_name: string; business_name: string; subgrade: string }>(
    await dbOf(ctx).execute(sql`
      with ${mine(actor.userId)}
      select m.id, s.maturity, m.outstanding::text, m.product_code, m.product_name, m.business_name, m.subgrade
      from mine m
      join lateral (select max(due_date) as maturity from installments where loan_id = m.id and schedule_version = m.schedule_version) s on true
      where m.status in ('active', 'late') and s.maturity >= ${at.toISOString()}::timestamptz and s.maturity <= ${until.toISOString()}::timestamptz
      order by s.maturity, m.id
      limit 100`),
  );
  return rows.map((r) => ({ loanId: r.id, maturityDate: new Date(r.maturity), outstanding: BigInt(r.outstanding), productCode: r.product_code, productName: r.product_name, businessName: r.business_name, subgrade: r.subgrade }));
}

export type UpcomingView = { month: string; dueThisMonth: bigint; overdue: bigint; byDay: { day: string; amount: bigint; loans: number }[] };

/** What is due to the lender this month (WIB) and the expected repayments of the next 60 days by day. */
export async function getUpcomingRepayments({ ctx }: { ctx: Ctx }): Promise<UpcomingView> {
  const actor = requireRole(ctx, "lender");
  const at = now();
  const month = wibMonthOf(at);
  const { from, to } = wibMonthBounds(month);
  const until = new Date(Math.max(to.getTime(), at.getTime() + 60 * DAY));
  const all = await expectedRepayments(ctx, actor.userId, until);
  const today = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const byDay = new Map<string, { amount: bigint; loans: number }>();
  let dueThisMonth = 0n;
  let overdue = 0n;
  for (const r of all) {
    const day = new Date(r.dueDate.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (r.dueDate >= from && r.dueDate < to) dueThisMonth += r.amount;
    if (day < today) overdue += r.amount;
    else {
      const d = byDay.get(day) ?? { amount: 0n, loans: 0 };
      byDay.set(day, { amount: d.amount + r.amount, loans: d.loans + 1 });
    }
  }
  return { month, dueThisMonth, overdue, byDay: [...byDay].map(([day, v]) => ({ day, ...v })) };
}

export type ValuePoint = { month: string; outstanding: bigint };
export type AllocationSlice = { key: string; amount: bigint };

/** Outstanding principal at each month end (from the cash flows) and today's allocation by grade and sector. */
export async function getPortfolioCharts({ ctx }: { ctx: Ctx }): Promise<{ value: ValuePoint[]; byGrade: AllocationSlice[]; bySector: AllocationSlice[] }> {
  const actor = requireRole(ctx, "lender");
  const db = dbOf(ctx);
  const [deltas, alloc] = await Promise.all([
    db.execute(sql`
      select to_char(at at time zone ${WIB}, 'YYYY-MM') as month, sum(delta)::text as delta from (
        select l.disbursed_at as at, i.amount as delta from loan_investments i join loans l on l.id = i.loan_id
        where i.lender_id = ${actor.userId}::uuid and i.status = 'active' and l.disbursed_at is not null
        union all
        select occurred_at, -principal from lender_distributions where lender_id = ${actor.userId}::uuid
      ) f group by 1 order by 1`),
    db.execute(sql`
      with ${mine(actor.userId)}
      select left(subgrade, 1) as grade, sector, sum(outstanding + case when display_status = 'funding' then reserved_amount else 0 end)::text as amount
      from mine group by 1, 2`),
  ]);
  const months = rowsOf<{ month: string; delta: string }>(deltas);
  const value: ValuePoint[] = [];
  if (months.length > 0) {
    const deltaOf = new Map(months.map((m) => [m.month, BigInt(m.delta)]));
    const last = wibMonthOf(now());
    let running = 0n;
    for (let m = months[0]!.month; m <= last && value.length < 240; m = nextMonth(m)) {
      running += deltaOf.get(m) ?? 0n;
      value.push({ month: m, outstanding: running });
    }
  }
  const grade = new Map<string, bigint>();
  const sector = new Map<string, bigint>();
  for (const r of rowsOf<{ grade: string; sector: string; amount: string }>(alloc)) {
    const amount = BigInt(r.amount);
    if (amount <= 0n) continue;
    grade.set(r.grade, (grade.get(r.grade) ?? 0n) + amount);
    sector.set(r.sector, (sector.get(r.sector) ?? 0n) + amount);
  }
  const slices = (m: Map<string, bigint>) => [...m].map(([key, amount]) => ({ key, amount })).sort((a, b) => a.key.localeCompare(b.key));
  return { value, byGrade: slices(grade), bySector: slices(sector) };
}

function nextMonth(m: string): string {
  const [y, mm] = m.split("-").map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, "0")}`;
}

/** At most this many statements are listed (the newest); older ones stay reachable by their address. */
export const STATEMENT_MONTHS_LISTED = 24;

/** Months from `first` to `last` ("YYYY-MM", inclusive), newest first, at most `limit`. */
export function monthsBetween(first: string, last: string, limit = STATEMENT_MONTHS_LISTED): string[] {
  const out: string[] = [];
  if (first > last) return out;
  for (let m = last; m >= first && out.length < limit; m = previousMonth(m)) out.push(m);
  return out;
}

function previousMonth(m: string): string {
  const [y, mm] = m.split("-").map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, "0")}`;
}

/** The lender's first month (WIB): the earlier of sign-up and the first ledger entry on any of their accounts. */
async function firstAccountMonth(ctx: Ctx, userId: string): Promise<string> {
  const [row] = rowsOf<{ since: string | Date | null }>(
    await dbOf(ctx).execute(sql`
      select least(
        (select created_at from users where id = ${userId}::uuid),
        (select min(t.occurred_at) from ledger_transfers t join ledger_accounts a on a.id = t.debit_account_id or a.id = t.credit_account_id
          where a.owner_type = 'user' and a.owner_id = ${userId}::uuid)
      ) as since`),
  );
  return row?.since ? wibMonthOf(new Date(row.since)) : wibMonthOf(now());
}

/** The months a statement exists for: those the lender had an account in, up to this month, newest first. */
export async function listStatementMonths({ ctx }: { ctx: Ctx }): Promise<string[]> {
  const actor = requireRole(ctx, "lender");
  return monthsBetween(await firstAccountMonth(ctx, actor.userId), wibMonthOf(now()));
}

export type MonthlyStatement = {
  month: string;
  flows: CashFlowRow[];
  totals: { invested: bigint; principal: bigint; interest: bigint; lateFee: bigint; serviceFee: bigint; net: bigint };
  openingOutstanding: bigint;
  closingOutstanding: bigint;
  /** Each flow's loan by name (business and product), for naming it instead of its id. */
  loanNames: Record<string, { businessName: string; productName: string }>;
};

/** One month's cash flows (WIB calendar month) with totals and the outstanding principal before and after. */
export async function getMonthlyStatement({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MonthlyStatement> {
  const actor = requireRole(ctx, "lender");
  const parsed = MonthlyStatementInput.safeParse(input);
  if (!parsed.success) throw new NotFound("The statement");
  // No statement for a month before the account existed or one still to come.
  if (parsed.data.month > wibMonthOf(now()) || parsed.data.month < (await firstAccountMonth(ctx, actor.userId))) throw new NotFound("The statement");
  const { from, to } = wibMonthBounds(parsed.data.month);
  const [flows, [before], named] = await Promise.all([
    cashFlowsOf(ctx, actor.userId, { from, to }),
    dbOf(ctx)
      .execute(sql`
        select coalesce(sum(delta), 0)::text as outstanding from (
          select l.disbursed_at as at, i.amount as delta from loan_investments i join loans l on l.id = i.loan_id
          where i.lender_id = ${actor.userId}::uuid and i.status = 'active' and l.disbursed_at is not null
          union all
          select occurred_at, -principal from lender_distributions where lender_id = ${actor.userId}::uuid
        ) f where at < ${from.toISOString()}::timestamptz`)
      .then((r) => rowsOf<{ outstanding: string }>(r)),
    dbOf(ctx)
      .execute(sql`with ${mine(actor.userId)} select id, product_name, business_name from mine`)
      .then((r) => rowsOf<{ id: string; product_name: string; business_name: string }>(r)),
  ]);
  const loanNames = Object.fromEntries(named.map((r) => [r.id, { businessName: r.business_name, productName: r.product_name }]));
  const totals = { invested: 0n, principal: 0n, interest: 0n, lateFee: 0n, serviceFee: 0n, net: 0n };
  for (const f of flows) {
    if (f.kind === "investment") totals.invested -= f.amount;
    else {
      totals.principal += f.principal;
      totals.interest += f.interest;
      totals.lateFee += f.lateFee;
      totals.serviceFee += f.serviceFee;
      totals.net += f.amount;
    }
  }
  const openingOutstanding = BigInt(before?.outstanding ?? "0");
  return { month: parsed.data.month, flows, totals, openingOutstanding, closingOutstanding: openingOutstanding + totals.invested - totals.principal, loanNames };
}

const CSV_HEADER = "date,type,loan_id,amount,principal,interest,late_fee,service_fee";

/** Every cash flow of the lender as CSV (whole rupiah; investments negative), oldest first. */
export async function portfolioCashFlowsCsv({ ctx }: { ctx: Ctx }): Promise<string> {
  const actor = requireRole(ctx, "lender");
  const flows = await cashFlowsOf(ctx, actor.userId);
  const lines = flows.map((f) => [f.at.toISOString(), f.kind, f.loanId, f.amount, f.principal, f.interest, f.lateFee, f.serviceFee].join(","));
  return [CSV_HEADER, ...lines].join("\n") + "\n";
}
