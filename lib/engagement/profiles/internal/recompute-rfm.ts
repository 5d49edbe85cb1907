import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { now } from "@/lib/clock";
import { RFM_GRID, SCORES } from "../rfm";
import { refreshTraits } from "./refresh-traits";

/**
 * The nightly RFM recompute, set-based (one statement after a small pre-step):
 * - who: lenders with a loan investment (not released) or a gold buy in the 365 days up to now();
 * - recency: whole days since the latest of those; frequency: how many; monetary: their rupiah;
 * - scores: quintiles with ties sharing a score — ceil(5·k/n), k = how many lenders are at most as
 *   good (`count(*) over (order by …)` counts peers too), the same rule as rfm.ts;
 * - segment: RFM_GRID (rfm.ts) on R against FM = (F + M + 1) / 2, rendered as one CASE;
 * - writes: the day's rfm_scores rows (a rerun on the same Jakarta day replaces them, and drops the
 *   day's rows of lenders no longer active), the profiles' rfm_* columns, and clears the scores of
 *   lenders who are no longer active.
 * Reads loan_investments and gold_trades directly: the same read-only projection exception as
 * refresh-traits.ts (docs/ARCHITECTURE.md, "Profiles and traits").
 */
function segmentCase(): SQL {
  const cells: SQL[] = [];
  for (const r of SCORES) for (const fm of SCORES) cells.push(sql`when ${sql.raw(String(r * 10 + fm))} then ${RFM_GRID[r][fm]}`);
  return sql`case (r * 10 + (f + m + 1) / 2) ${sql.join(cells, sql` `)} end`;
}

export function recomputeRfmSql(at: Date): SQL {
  const t = sql`${at.toISOString()}::timestamptz`;
  return sql`
    with acts as (
      select i.lender_id as user_id, i.created_at as at, i.amount
      from loan_investments i
      where i.status <> 'released' and i.created_at > ${t} - interval '365 days' and i.created_at <= ${t}
      union all
      select g.user_id, g.created_at, g.rupiah
      from gold_trades g
      where g.side = 'buy' and g.created_at > ${t} - interval '365 days' and g.created_at <= ${t}
    ),
    base as (
      select a.user_id, floor(extract(epoch from (${t} - max(a.at))) / 86400)::int as recency_days,
        count(*)::int as frequency, sum(a.amount)::bigint as monetary
      from acts a join users u on u.id = a.user_id and u.role = 'lender'
      group by a.user_id
    ),
    pop as (select count(*)::int as n from base),
    scored as (
      select b.*,
        ((5 * count(*) over (order by b.recency_days desc) + pop.n - 1) / pop.n)::int as r,
        ((5 * count(*) over (order by b.frequency) + pop.n - 1) / pop.n)::int as f,
        ((5 * count(*) over (order by b.monetary) + pop.n - 1) / pop.n)::int as m
      from base b cross join pop
    ),
    seg as (select s.*, ${segmentCase()} as segment from scored s),
    day as (select (${t} at time zone 'Asia/Jakarta')::date as d),
    stale as (
      delete from rfm_scores x using day
      where x.scored_on = day.d and not exists (select 1 from seg where seg.user_id = x.user_id)
      returning 1
    ),
    saved as (
      insert into rfm_scores (user_id, scored_on, recency_days, frequency, monetary, r, f, m, segment)
      select seg.user_id, day.d, seg.recency_days, seg.frequency, seg.monetary, seg.r, seg.f, seg.m, seg.segment
      from seg cross join day
      on conflict (user_id, scored_on) do update set
        recency_days = excluded.recency_days, frequency = excluded.frequency, monetary = excluded.monetary,
        r = excluded.r, f = excluded.f, m = excluded.m, segment = excluded.segment
      returning 1
    ),
    scored_profiles as (
      update profiles p set rfm_recency = seg.r, rfm_frequency = seg.f, rfm_monetary = seg.m, rfm_segment = seg.segment
      from seg where p.user_id = seg.user_id
      returning 1
    ),
    cleared as (
      update profiles p set rfm_recency = null, rfm_frequency = null, rfm_monetary = null, rfm_segment = null
      where p.rfm_segment is not null and not exists (select 1 from seg where seg.user_id = p.user_id)
      returning 1
    )
    select (select count(*) from saved)::int as scored, (select count(*) from scored_profiles)::int as profiles,
      (select count(*) from cleared)::int as cleared, (select count(*) from stale)::int as stale`;
}

/**
 * Recomputes every lender's RFM scores as of now() in the caller's transaction. Lenders about to be
 * scored who have no profile yet get one first (refreshTraits), so the profile columns are written.
 */
export async function recomputeRfm(tx: DbOrTx, opts: { at?: Date } = {}): Promise<{ scored: number }> {
  const at = opts.at ?? now();
  const missing = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select distinct u.id from users u
      where u.role = 'lender' and not exists (select 1 from profiles p where p.user_id = u.id)
        and (exists (select 1 from loan_investments i where i.lender_id = u.id and i.status <> 'released' and i.created_at > ${at.toISOString()}::timestamptz - interval '365 days')
          or exists (select 1 from gold_trades g where g.user_id = u.id and g.side = 'buy' and g.created_at > ${at.toISOString()}::timestamptz - interval '365 days'))`),
  );
  if (missing.length > 0) await refreshTraits(tx, { userIds: missing.map((m) => m.id), at });
  const [row] = rowsOf<{ scored: number }>(await tx.execute(recomputeRfmSql(at)));
  return { scored: Number(row?.scored ?? 0) };
}
