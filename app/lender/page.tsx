import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { ActivityList } from "@/components/activity-list";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { getMyProfile } from "@/lib/auth/profile";
import { listStrategies } from "@/lib/autopurchase/strategy-queries";
import { getRequestCtx } from "@/lib/auth/session";
import { listMyRecentEvents } from "@/lib/engagement/queries";
import { getMyKyc } from "@/lib/kyc";
import { getMyLenderLimit, getMyRiskStatus } from "@/lib/lending";
import { getPortfolioSummary, getUpcomingRepayments } from "@/lib/lending/portfolio";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lender");
  return { title: t("dashboardTitle") };
}

/** Below the smallest investment a product allows, topping up is the next step. */
const MIN_TO_INVEST = 100_000n;

const kycTone = { draft: "neutral", submitted: "warning", approved: "success", rejected: "danger" } as const;

export default async function LenderDashboardPage() {
  const ctx = await getRequestCtx();
  const [t, td, tk, tp, ta, format, locale, me, activity, kyc, risk, limit, portfolio, strategies, upcoming] = await Promise.all([
    getTranslations("lender"),
    getTranslations("lenderDashboard"),
    getTranslations("kyc"),
    getTranslations("portfolio"),
    getTranslations("autoPurchase"),
    getFormat(),
    getLocale(),
    getMyProfile({ ctx }),
    listMyRecentEvents({ ctx }),
    getMyKyc({ ctx }),
    getMyRiskStatus({ ctx }),
    // Outstanding comes from the portfolio once the loan engine lands; until then the limit itself.
    getMyLenderLimit({ ctx }),
    getPortfolioSummary({ ctx }),
    listStrategies({ ctx }),
    getUpcomingRepayments({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const rp = (v: bigint) => formatRupiah(v, loc);
  const activeStrategies = strategies.filter((s) => s.active).length;
  const ready = kyc.status === "approved" && risk.passed;
  // What's next: only the steps still open, in the order a new lender takes them.
  const steps = [
    kyc.status === "submitted" ? { key: "verifyWaiting", href: "/lender/kyc" } : kyc.status !== "approved" ? { key: "verify", href: "/lender/kyc" } : null,
    !risk.passed ? { key: "risk", href: "/lender/risk" } : null,
    portfolio.availableCash < MIN_TO_INVEST ? { key: "topUp", href: "/lender/wallet" } : null,
    portfolio.loans === 0 && portfolio.reserved === 0n ? { key: "invest", href: "/lender/marketplace" } : null,
    activeStrategies === 0 ? { key: "autoPurchase", href: "/lender/auto-purchase" } : null,
  ].filter((s): s is { key: string; href: string } => s !== null);
  const nextDays = upcoming.byDay.slice(0, 4);
  const kycCta =
    kyc.status === "approved" || kyc.status === "submitted"
      ? t("viewKyc")
      : kyc.status === "rejected"
        ? t("fixKyc")
        : kyc.completed > 0
          ? t("continueKyc")
          : t("startKyc");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("dashboardTitle")}</h1>
        <p className="text-slate-700">{t("welcome", { name: me.fullName })}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("verificationTitle")}>
          <div className="space-y-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t("kycStatusLabel")}</span>
              <Badge tone={kycTone[kyc.status]}>{tk(`status.${kyc.status}`)}</Badge>
              {kyc.status === "draft" ? <span className="text-slate-600">{t("kycProgress", { completed: kyc.completed, total: kyc.total })}</span> : null}
            </p>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t("riskStatusLabel")}</span>
              <Badge tone={risk.passed ? "success" : "neutral"}>{risk.passed ? t("riskPassed") : t("riskNotDone")}</Badge>
            </p>
            {limit.income > 0n ? (
              <p className="text-slate-700">{t("limit", { limit: rp(limit.limit), pct: limit.pct })}</p>
            ) : null}
            <p className="text-slate-700">{ready ? td("readyNote") : td("needsNote")}</p>
            <div className="flex flex-wrap gap-2">
              <Link className={buttonClass(kyc.status === "approved" ? "secondary" : "primary")} href="/lender/kyc">
                {kycCta}
              </Link>
              <Link className={buttonClass("secondary")} href="/lender/risk">
                {risk.passed ? t("viewRiskCheck") : t("doRiskCheck")}
              </Link>
            </div>
          </div>
        </Card>
        <Card title={tp("dashboardCard")}>
          <dl className="grid gap-4 sm:grid-cols-2 md:grid-cols-1 xl:grid-cols-2">
            <Stat label={td("accountValue")} value={<span className="whitespace-nowrap">{rp(portfolio.availableCash + portfolio.reserved + portfolio.outstandingPrincipal)}</span>} />
            <Stat label={td("cashToInvest")} value={<span className="whitespace-nowrap">{rp(portfolio.availableCash)}</span>} />
          </dl>
          <p className="mt-2 text-sm text-slate-600">
            {td("accountValueHelp", { cash: rp(portfolio.availableCash), reserved: rp(portfolio.reserved), outstanding: rp(portfolio.outstandingPrincipal) })}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {tp("loansCount")}: {portfolio.loans}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Link className={buttonClass("secondary")} href="/lender/wallet">
              {td("topUp")}
            </Link>
            <Link className={buttonClass("secondary")} href="/lender/portfolio">
              {tp("viewPortfolio")}
            </Link>
          </div>
        </Card>
        <Card title={td("upcomingTitle")}>
          {nextDays.length === 0 && upcoming.overdue === 0n ? (
            <p className="text-sm text-slate-700">{td("noUpcoming")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm">
              {nextDays.map((d) => (
                <li key={d.day} className="flex flex-wrap justify-between gap-x-3 py-2">
                  <span>{format.date(new Date(`${d.day}T00:00:00+07:00`))}</span>
                  <span className="whitespace-nowrap font-medium">{td("upcomingLine", { amount: rp(d.amount), loans: d.loans })}</span>
                </li>
              ))}
            </ul>
          )}
          {upcoming.overdue > 0n ? <p className="mt-2 text-sm text-amber-800">{td("overdueLine", { amount: rp(upcoming.overdue) })}</p> : null}
          <Link className={buttonClass("secondary", "mt-3")} href="/lender/portfolio">
            {td("viewPortfolio")}
          </Link>
        </Card>
        <Card title={ta("title")}>
          <p className="text-sm text-slate-700">{ta("dashboardCard", { count: activeStrategies })}</p>
          <Link className={buttonClass("secondary", "mt-3")} href="/lender/auto-purchase">
            {ta("manage")}
          </Link>
        </Card>
        <Card title={td("nextTitle")}>
          {steps.length === 0 ? (
            <p className="text-sm text-slate-700">{td("allDone")}</p>
          ) : (
            <ol className="space-y-3">
              {steps.map((step, i) => (
                <li key={step.key} className="flex gap-3">
                  <span aria-hidden="true" className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-800">
                    {i + 1}
                  </span>
                  <div className="min-w-0 space-y-1 text-sm">
                    <p className="font-semibold">{td(`steps.${step.key}.title`)}</p>
                    <p className="text-slate-700">{td(`steps.${step.key}.body`)}</p>
                    {i === 0 ? (
                      <Link className={buttonClass("primary", "mt-1")} href={step.href}>
                        {td(`steps.${step.key}.cta`)}
                      </Link>
                    ) : (
                      <Link className="font-semibold text-brand-700 underline" href={step.href}>
                        {td(`steps.${step.key}.cta`)}
                      </Link>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={t("activityTitle")} className="md:col-span-2">
          <ActivityList items={activity} />
        </Card>
      </div>
    </div>
  );
}
