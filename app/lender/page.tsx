import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
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
import { getPortfolioSummary } from "@/lib/lending/portfolio";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lender");
  return { title: t("dashboardTitle") };
}

const kycTone = { draft: "neutral", submitted: "warning", approved: "success", rejected: "danger" } as const;

export default async function LenderDashboardPage() {
  const ctx = await getRequestCtx();
  const [t, tk, tp, ta, locale, me, activity, kyc, risk, limit, portfolio, strategies] = await Promise.all([
    getTranslations("lender"),
    getTranslations("kyc"),
    getTranslations("portfolio"),
    getTranslations("autoPurchase"),
    getLocale(),
    getMyProfile({ ctx }),
    listMyRecentEvents({ ctx }),
    getMyKyc({ ctx }),
    getMyRiskStatus({ ctx }),
    // Outstanding comes from the portfolio once the loan engine lands; until then the limit itself.
    getMyLenderLimit({ ctx }),
    getPortfolioSummary({ ctx }),
    listStrategies({ ctx }),
  ]);
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
              <p className="text-slate-700">{t("limit", { limit: formatRupiah(limit.limit, locale as "en" | "id"), pct: limit.pct })}</p>
            ) : null}
            <p className="text-slate-700">{t("investNote")}</p>
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
          <dl className="grid grid-cols-2 gap-4">
            <Stat label={tp("outstanding")} value={formatRupiah(portfolio.outstandingPrincipal, locale as "en" | "id")} />
            <Stat label={tp("loansCount")} value={portfolio.loans} />
          </dl>
          <Link className={buttonClass("secondary", "mt-3")} href="/lender/portfolio">
            {tp("viewPortfolio")}
          </Link>
        </Card>
        <Card title={ta("title")}>
          <p className="text-sm text-slate-700">{ta("dashboardCard", { count: strategies.filter((s) => s.active).length })}</p>
          <Link className={buttonClass("secondary", "mt-3")} href="/lender/auto-purchase">
            {ta("manage")}
          </Link>
        </Card>
        <Card title={t("nextStepsTitle")}>
          <p className="text-sm text-slate-700">{t("nextStepsBody")}</p>
        </Card>
        <Card title={t("activityTitle")} className="md:col-span-2">
          <ActivityList items={activity} />
        </Card>
      </div>
    </div>
  );
}
