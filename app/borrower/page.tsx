import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { ActivityList } from "@/components/activity-list";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getMyProfile } from "@/lib/auth/profile";
import { getRequestCtx } from "@/lib/auth/session";
import { listMyRecentEvents } from "@/lib/engagement/queries";
import { getBorrowerDashboard } from "@/lib/loans/dashboard";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("borrower");
  return { title: t("dashboardTitle") };
}

export default async function BorrowerDashboardPage() {
  const ctx = await getRequestCtx();
  const [t, td, format, locale, me, activity, dash] = await Promise.all([
    getTranslations("borrower"),
    getTranslations("borrowerDashboard"),
    getFormat(),
    getLocale(),
    getMyProfile({ ctx }),
    listMyRecentEvents({ ctx }),
    getBorrowerDashboard({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const rp = (v: bigint) => formatRupiah(v, loc);
  const date = (d: Date) => format.date(d);
  const waiting = dash.applications.filter((a) => a.status === "draft" || a.status === "needs_info");
  const inReview = dash.applications.filter((a) => a.status === "submitted" || a.status === "in_review");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("dashboardTitle")}</h1>
        <p className="text-slate-700">{t("welcome", { name: me.fullName })}</p>
      </div>

      {dash.alert ? (
        <section
          role="alert"
          aria-labelledby="overdue-title"
          className={`rounded-2xl p-5 ring-1 ${dash.alert.status === "default" ? "bg-red-50 ring-red-300" : "bg-amber-50 ring-amber-300"}`}
        >
          <h2 id="overdue-title" className={`text-base font-semibold ${dash.alert.status === "default" ? "text-red-900" : "text-amber-900"}`}>
            {dash.alert.status === "default" ? td("alertDefaultTitle") : td("alertLateTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-800">
            {td(dash.alert.status === "default" ? "alertDefaultBody" : "alertLateBody", { days: dash.alert.daysPastDue, overdue: rp(dash.alert.overdue), fees: rp(dash.alert.lateFees) })}
          </p>
          <p className="mt-1 text-sm text-slate-800">{dash.alert.status === "default" ? td("alertDefaultWhat") : td("alertLateWhat")}</p>
          <Link className={buttonClass(dash.alert.status === "default" ? "danger" : "primary", "mt-3")} href={`/borrower/loans/${dash.alert.loanId}#pay`}>
            {td("alertAction")}
          </Link>
        </section>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        {dash.empty ? (
          <Card title={t("nextStepsTitle")}>
            <p className="text-sm text-slate-700">{t("nextStepsBody")}</p>
            <Link className={buttonClass("primary", "mt-3")} href="/borrower/apply">
              {td("applyCta")}
            </Link>
          </Card>
        ) : null}

        {!dash.empty && dash.serviced.length + dash.funding.length + dash.offers.length + dash.applications.length === 0 ? (
          <Card title={td("nothingOpenTitle")}>
            <p className="text-sm text-slate-700">{td("nothingOpenBody")}</p>
            <Link className={buttonClass("primary", "mt-3")} href="/borrower/apply">
              {td("applyCta")}
            </Link>
          </Card>
        ) : null}

        {dash.serviced.length > 0 ? (
          <Card title={td("outstandingTitle")}>
            <p className="whitespace-nowrap text-2xl font-bold text-slate-900">{rp(dash.outstanding.total)}</p>
            <p className="mt-1 text-sm text-slate-700">
              {dash.outstanding.lateFees > 0n
                ? td("outstandingBreakdownFees", { principal: rp(dash.outstanding.principal), interest: rp(dash.outstanding.interest), fees: rp(dash.outstanding.lateFees) })
                : td("outstandingBreakdown", { principal: rp(dash.outstanding.principal), interest: rp(dash.outstanding.interest) })}
            </p>
          </Card>
        ) : null}

        {dash.serviced.length > 0 ? (
          <Card title={td("nextTitle")}>
            <ul className="divide-y divide-slate-200">
              {dash.serviced.map((p) => (
                <li key={p.loan.id} className="space-y-2 py-3 first:pt-0 last:pb-0">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-medium">{p.loan.purpose}</span>
                    <LoanStatusBadge status={p.loan.status} />
                  </p>
                  <p className="text-sm text-slate-700">
                    {p.next ? td("nextLine", { number: p.next.number, amount: rp(p.next.owed), date: date(p.next.dueDate) }) : td("nothingUpcoming")}
                  </p>
                  {p.overdue.length > 0 || p.loan.lateFeeOutstanding > 0n ? (
                    <p className="text-sm text-slate-700">{td("dueNowIncludes", { count: p.overdue.length, fees: rp(p.loan.lateFeeOutstanding) })}</p>
                  ) : null}
                  <div className="flex flex-wrap gap-2">
                    {p.dueNow > 0n ? (
                      <Link className={buttonClass("primary")} href={`/borrower/loans/${p.loan.id}#pay`}>
                        {td("pay", { amount: rp(p.dueNow) })}
                      </Link>
                    ) : null}
                    <Link className={buttonClass("secondary")} href={`/borrower/loans/${p.loan.id}`} aria-label={td("viewLoanOf", { purpose: p.loan.purpose })}>
                      {td("viewLoan")}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {waiting.length > 0 || dash.offers.length > 0 ? (
          <Card title={td("waitingTitle")}>
            <ul className="divide-y divide-slate-200">
              {dash.offers.map((l) => (
                <li key={l.id} className="space-y-2 py-3 first:pt-0 last:pb-0">
                  <p className="text-sm">{td("offerLine", { amount: rp(l.principal), net: rp(l.principal - l.platformFee) })}</p>
                  <Link className={buttonClass("primary")} href={`/borrower/loans/${l.id}`}>
                    {td("offerCta")}
                  </Link>
                </li>
              ))}
              {waiting.map((a) => (
                <li key={a.id} className="space-y-2 py-3 first:pt-0 last:pb-0">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <LoanStatusBadge status={a.status} />
                    <span>
                      {a.status === "draft"
                        ? a.amount
                          ? td("draftLine", { amount: rp(a.amount), date: date(a.updatedAt) })
                          : td("draftLineNoAmount", { date: date(a.updatedAt) })
                        : td("needsInfoLine", { amount: a.amount ? rp(a.amount) : "—" })}
                    </span>
                  </p>
                  <Link className={buttonClass("primary")} href={a.status === "draft" ? "/borrower/apply" : `/borrower/applications/${a.id}`}>
                    {a.status === "draft" ? td("draftCta") : td("needsInfoCta")}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {dash.funding.length > 0 ? (
          <Card title={td("fundingTitle")}>
            <ul className="divide-y divide-slate-200">
              {dash.funding.map((l) => (
                <li key={l.id} className="space-y-1 py-3 text-sm first:pt-0 last:pb-0">
                  <p className="font-medium">{l.purpose}</p>
                  <p>{td("fundingLine", { funded: rp(l.fundedAmount), amount: rp(l.principal), pct: l.fundedPct })}</p>
                  <div role="progressbar" aria-label={td("fundingProgressOf", { purpose: l.purpose })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={l.fundedPct} className="h-2 overflow-hidden rounded-full bg-slate-200">
                    <div className="h-full bg-brand-700" style={{ width: `${l.fundedPct}%` }} />
                  </div>
                  <p className="text-slate-600">{td("fundingDeadline", { date: date(l.fundingDeadline) })}</p>
                  <Link className="font-semibold text-brand-700 underline" href={`/borrower/loans/${l.id}`} aria-label={td("viewLoanOf", { purpose: l.purpose })}>
                    {td("viewLoan")}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {inReview.length > 0 ? (
          <Card title={td("inReviewTitle")}>
            <ul className="divide-y divide-slate-200">
              {inReview.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>{td("inReviewLine", { amount: a.amount ? rp(a.amount) : "—", date: date(a.submittedAt ?? a.updatedAt) })}</span>
                  <Link className="font-semibold text-brand-700 underline" href={`/borrower/applications/${a.id}`}>
                    {td("viewApplication")}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-slate-600">{td("inReviewNote")}</p>
          </Card>
        ) : null}

        <Card title={t("activityTitle")} className="md:col-span-2">
          <ActivityList items={activity} />
        </Card>
      </div>
    </div>
  );
}
