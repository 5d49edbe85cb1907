import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AllocationChart, ValueChart } from "@/components/portfolio/portfolio-charts";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getPortfolioCharts, getPortfolioSummary, getUpcomingRepayments, listMaturingInvestments, listPortfolioInvestments, wibMonthOf } from "@/lib/lending/portfolio";
import { PORTFOLIO_SORTS, PORTFOLIO_STATUSES } from "@/lib/lending/schemas";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portfolio");
  return { title: t("pageTitle") };
}

const MATURING_DAYS = 30;
const TONES = { funding: "info", active: "success", late: "warning", default: "danger", repaid: "neutral" } as const;

function lastMonths(n: number): string[] {
  const out: string[] = [];
  let m = wibMonthOf(now());
  for (let i = 0; i < n; i++) {
    out.push(m);
    const [y, mm] = m.split("-").map(Number) as [number, number];
    m = mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, "0")}`;
  }
  return out;
}

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<{ status?: string; sort?: string; page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const status = PORTFOLIO_STATUSES.includes(sp.status as never) ? sp.status : undefined;
  const sort = PORTFOLIO_SORTS.includes(sp.sort as never) ? sp.sort! : "maturity_asc";
  const [t, tw, ts, format, locale, summary, list, upcoming, maturing, charts] = await Promise.all([
    getTranslations("portfolio"),
    getTranslations("wallet"),
    getTranslations("sectors"),
    getFormatter(),
    getLocale(),
    getPortfolioSummary({ ctx }),
    listPortfolioInvestments({ ctx, input: { status, sort, page: sp.page ?? 1, pageSize: 20 } }),
    getUpcomingRepayments({ ctx }),
    listMaturingInvestments({ ctx, input: { withinDays: MATURING_DAYS } }),
    getPortfolioCharts({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const rp = (n: bigint) => formatRupiah(n, loc);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Jakarta" }) : "—");
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const chartLabels = (title: string, colKey: string, description?: string) => ({ title, description, colKey, colAmount: t("outstanding"), showTable: t("showTable"), empty: t("noChartData") });
  const series = (rows: { label: string; amount: bigint }[]) => rows.map((r) => ({ label: r.label, amount: r.amount.toString(), formatted: rp(r.amount) }));
  const sectorName = (s: string) => (ts.has(s) ? ts(s) : s);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>

      <Card title={t("summaryTitle")}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("availableCash")} value={rp(summary.availableCash)} />
          <Stat label={t("outstanding")} value={rp(summary.outstandingPrincipal)} />
          <Stat label={t("interestReceived")} value={rp(summary.interestReceived)} />
          <Stat label={t("feesPaid")} value={rp(summary.feesPaid)} />
          <Stat label={t("netReturn")} value={summary.netReturnXirr === null ? t("netReturnNone") : `${(summary.netReturnXirr * 100).toFixed(2)}%`} />
          <Stat label={t("loansCount")} value={summary.loans} />
          <Stat label={t("tkb90")} value={`${(summary.tkb90Bps / 100).toFixed(2)}%`} />
          <Stat label={t("reservedFunding")} value={rp(summary.reserved)} />
        </dl>
        <p className="mt-3 text-xs text-slate-600">{t("xirrHelp")} {t("tkb90Help")}</p>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("upcomingTitle")}>
          <dl className="mb-3 grid grid-cols-2 gap-4">
            <Stat label={t("dueThisMonth")} value={rp(upcoming.dueThisMonth)} />
            <Stat label={t("overdue")} value={rp(upcoming.overdue)} />
          </dl>
          {upcoming.byDay.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noUpcoming")}</p>
          ) : (
            <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("upcomingTitle")}</caption>
              <thead>
                <tr className="text-left text-slate-600"><th scope="col">{t("colDate")}</th><th scope="col" className="text-right">{t("colExpected")}</th><th scope="col" className="text-right">{t("colLoans")}</th></tr>
              </thead>
              <tbody>
                {upcoming.byDay.map((d) => (
                  <tr key={d.day} className="border-t border-slate-100">
                    <td className="py-1">{date(new Date(`${d.day}T05:00:00Z`))}</td>
                    <td className="py-1 text-right tabular-nums">{rp(d.amount)}</td>
                    <td className="py-1 text-right">{d.loans}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </Card>
        <Card title={t("maturingTitle", { days: MATURING_DAYS })}>
          {maturing.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noMaturing", { days: MATURING_DAYS })}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {maturing.map((m) => (
                <li key={m.loanId} className="flex justify-between gap-2">
                  <Link className="text-emerald-800 underline" href={`/lender/portfolio/${m.loanId}`}>{m.productCode} {m.subgrade}</Link>
                  <span>{date(m.maturityDate)} · {rp(m.outstanding)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title={t("chartsTitle")}>
        <div className="grid gap-6 lg:grid-cols-3">
          <ValueChart data={series(charts.value.map((v) => ({ label: v.month, amount: v.outstanding })))} labels={chartLabels(t("valueChart"), t("colMonth"), t("valueChartDesc"))} />
          <AllocationChart id="chart-grade" data={series(charts.byGrade.map((g) => ({ label: g.key, amount: g.amount })))} labels={chartLabels(t("gradeChart"), t("colGrade"))} />
          <AllocationChart id="chart-sector" data={series(charts.bySector.map((s) => ({ label: sectorName(s.key), amount: s.amount })))} labels={chartLabels(t("sectorChart"), t("colSector"))} />
        </div>
      </Card>

      <Card title={t("investmentsTitle")}>
        <form method="get" action="/lender/portfolio" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t("filterStatus")}</span>
            <select name="status" defaultValue={status ?? ""} className="min-h-11 rounded-lg border border-slate-300 bg-white px-2">
              <option value="">{t("allStatuses")}</option>
              {PORTFOLIO_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t("sortBy")}</span>
            <select name="sort" defaultValue={sort} className="min-h-11 rounded-lg border border-slate-300 bg-white px-2">
              {PORTFOLIO_SORTS.map((s) => <option key={s} value={s}>{t(`sorts.${s}`)}</option>)}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>{t("apply")}</button>
        </form>
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noInvestments")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("investmentsTitle")}</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col">{t("colLoan")}</th>
                  <th scope="col">{t("colStatus")}</th>
                  <th scope="col" className="text-right">{t("colAmount")}</th>
                  <th scope="col" className="text-right">{t("colOutstanding")}</th>
                  <th scope="col">{t("colNextPayment")}</th>
                  <th scope="col">{t("colMaturity")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((i) => {
                  const name = `${i.productCode} ${i.subgrade} · ${sectorName(i.sector)}`;
                  return (
                    <tr key={i.loanId} className="border-t border-slate-100 align-top">
                      <td className="py-2"><Link className="text-emerald-800 underline" href={`/lender/portfolio/${i.loanId}`} aria-label={t("openLoan", { loan: name })}>{name}</Link></td>
                      <td className="py-2"><Badge tone={TONES[i.status]}>{t(`statuses.${i.status}`)}</Badge></td>
                      <td className="py-2 text-right tabular-nums">{rp(i.invested)}</td>
                      <td className="py-2 text-right tabular-nums">{rp(i.outstanding)}</td>
                      <td className="py-2">{i.nextDueDate ? `${date(i.nextDueDate)} · ${rp(i.nextAmount)}` : "—"}</td>
                      <td className="py-2">{date(i.maturityDate)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={list.page} hasNext={list.page < pages} basePath="/lender/portfolio" params={{ status, sort }} labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: list.page, pages }), nav: t("investmentsTitle") }} />
      </Card>

      <Card title={t("statementsTitle")}>
        <div className="flex flex-wrap gap-2">
          <a className={buttonClass("primary")} href="/api/v1/portfolio/cash-flows.csv" download>{t("downloadCsv")}</a>
          {lastMonths(6).map((m) => (
            <Link key={m} className={buttonClass("secondary")} href={`/lender/portfolio/statements/${m}`}>{t("statementFor", { month: m })}</Link>
          ))}
        </div>
      </Card>
    </div>
  );
}
