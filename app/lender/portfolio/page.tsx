import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { AllocationChart, ValueChart } from "@/components/portfolio/portfolio-charts";
import { Amount } from "@/components/ui/amount";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { getPortfolioCharts, getPortfolioSummary, getUpcomingRepayments, listMaturingInvestments, listPortfolioInvestments, listStatementMonths } from "@/lib/lending/portfolio";
import { PORTFOLIO_SORTS, PORTFOLIO_STATUSES } from "@/lib/lending/schemas";
import { loanName } from "@/lib/loans/words";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portfolio");
  return { title: t("pageTitle") };
}

const MATURING_DAYS = 30;
const TONES = { funding: "info", active: "success", late: "warning", default: "danger", repaid: "neutral" } as const;

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<{ status?: string; sort?: string; page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const status = PORTFOLIO_STATUSES.includes(sp.status as never) ? sp.status : undefined;
  const sort = PORTFOLIO_SORTS.includes(sp.sort as never) ? sp.sort! : "maturity_asc";
  const statementMonthsLoading = listStatementMonths({ ctx });
  const [t, tw, ts, format, locale, summary, list, upcoming, maturing, charts] = await Promise.all([
    getTranslations("portfolio"),
    getTranslations("wallet"),
    getTranslations("sectors"),
    getFormat(),
    getLocale(),
    getPortfolioSummary({ ctx }),
    listPortfolioInvestments({ ctx, input: { status, sort, page: sp.page ?? 1, pageSize: 20 } }),
    getUpcomingRepayments({ ctx }),
    listMaturingInvestments({ ctx, input: { withinDays: MATURING_DAYS } }),
    getPortfolioCharts({ ctx }),
  ]);
  const statementMonths = await statementMonthsLoading;
  const loc = locale as "en" | "id";
  const rp = (n: bigint) => formatRupiah(n, loc);
  const date = (d: Date | null) => (d ? format.date(d) : "—");
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const chartLabels = (title: string, colKey: string, description?: string) => ({ title, description, colKey, colAmount: t("outstanding"), showTable: t("showTable"), empty: t("noChartData") });
  const series = (rows: { label: string; amount: bigint }[]) => rows.map((r) => ({ label: r.label, amount: r.amount.toString(), formatted: rp(r.amount) }));
  const sectorName = (s: string) => (ts.has(s) ? ts(s) : s);
  const words = await getTranslations("words");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>

      <Card title={t("summaryTitle")}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("availableCash")} value={rp(summary.availableCash)} />
          <Stat label={t("outstanding")} value={rp(summary.outstandingPrincipal)} />
          <Stat label={t("interestReceived")} value={rp(summary.interestReceived)} />
          <Stat label={t("feesPaid")} value={rp(summary.feesPaid)} />
          <Stat label={t("netReturn")} value={summary.netReturnXirr === null ? t("netReturnNone") : format.ratioPercent(summary.netReturnXirr)} />
          <Stat label={t("loansCount")} value={summary.loans} />
          <Stat label={t("tkb90")} value={format.percent(summary.tkb90Bps)} />
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
            <DataTable
              caption={t("upcomingTitle")}
              rows={upcoming.byDay}
              rowKey={(d) => d.day}
              columns={[
                { key: "date", header: t("colDate"), primary: true, cell: (d) => date(new Date(`${d.day}T05:00:00Z`)) },
                { key: "expected", header: t("colExpected"), numeric: true, cell: (d) => rp(d.amount) },
                { key: "loans", header: t("colLoans"), numeric: true, cell: (d) => d.loans },
              ]}
            />
          )}
        </Card>
        <Card title={t("maturingTitle", { days: MATURING_DAYS })}>
          {maturing.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noMaturing", { days: MATURING_DAYS })}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {maturing.map((m) => (
                <li key={m.loanId} className="flex justify-between gap-2">
                  <Link className="text-emerald-800 underline" href={`/lender/portfolio/${m.loanId}`}>{loanName(words, m)} {m.subgrade}</Link>
                  <span className="text-right">{date(m.maturityDate)} · <Amount>{rp(m.outstanding)}</Amount></span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title={t("chartsTitle")}>
        <div className="grid gap-6 lg:grid-cols-3">
          <ValueChart data={series(charts.value.map((v) => ({ label: format.month(v.month, { month: "short" }), amount: v.outstanding })))} labels={chartLabels(t("valueChart"), t("colMonth"), t("valueChartDesc"))} />
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
          <DataTable
            caption={t("investmentsTitle")}
            testId="portfolio-investments"
            rows={list.items}
            rowKey={(i) => i.loanId}
            columns={[
              {
                key: "loan",
                header: t("colLoan"),
                primary: true,
                cell: (i) => {
                  const name = `${loanName(words, i)} ${i.subgrade}`;
                  return <Link className="text-emerald-800 underline" href={`/lender/portfolio/${i.loanId}`} aria-label={t("openLoan", { loan: name })}>{name}</Link>;
                },
              },
              { key: "status", header: t("colStatus"), cell: (i) => <Badge tone={TONES[i.status]}>{t(`statuses.${i.status}`)}</Badge> },
              { key: "amount", header: t("colAmount"), numeric: true, cell: (i) => rp(i.invested) },
              { key: "outstanding", header: t("colOutstanding"), numeric: true, cell: (i) => rp(i.outstanding) },
              {
                key: "next",
                header: t("colNextPayment"),
                cell: (i) => (i.nextDueDate ? <><span className="whitespace-nowrap">{date(i.nextDueDate)}</span> · <Amount>{rp(i.nextAmount)}</Amount></> : "—"),
              },
              { key: "maturity", header: t("colMaturity"), className: "whitespace-nowrap", cell: (i) => date(i.maturityDate) },
            ]}
          />
        )}
        <Pagination page={list.page} hasNext={list.page < pages} basePath="/lender/portfolio" params={{ status, sort }} labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: list.page, pages }), nav: t("investmentsTitle") }} />
      </Card>

      <Card title={t("statementsTitle")}>
        <div className="flex flex-wrap gap-2">
          <a className={buttonClass("primary")} href="/api/v1/portfolio/cash-flows.csv" download>{t("downloadCsv")}</a>
          {statementMonths.map((m) => (
            <Link key={m} className={buttonClass("secondary")} href={`/lender/portfolio/statements/${m}`}>{t("statementFor", { month: format.month(m) })}</Link>
          ))}
        </div>
      </Card>
    </div>
  );
}
