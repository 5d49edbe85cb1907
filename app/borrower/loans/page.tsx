import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { listMyApplications } from "@/lib/loans/application-queries";
import { listMyLoans } from "@/lib/loans/loan-queries";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("loans");
  return { title: t("title") };
}

export default async function BorrowerLoansPage() {
  const ctx = await getRequestCtx();
  const [t, format, locale, applications, loans] = await Promise.all([
    getTranslations("loans"),
    getFormat(),
    getLocale(),
    listMyApplications({ ctx }),
    listMyLoans({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/borrower/apply" className={buttonClass("primary")}>
          {applications.some((a) => a.status === "draft") ? t("continueApplication") : t("applyCta")}
        </Link>
      </div>
      <Card title={t("loansTitle")}>
        {loans.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noLoans")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {loans.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <span>
                  <strong>{l.productName}</strong> · {formatRupiah(l.principal, loc)} · {l.subgrade} · {t("ratePerYear", { rate: format.percent(l.rateBps, { sign: false }) })}
                </span>
                <span className="flex items-center gap-2">
                  <LoanStatusBadge status={l.status} />
                  <Link href={`/borrower/loans/${l.id}`} className="font-semibold text-brand-700 underline" aria-label={`${t("view")} ${formatRupiah(l.principal, loc)}`}>
                    {t("view")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("applicationsTitle")}>
        {applications.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noApplications")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {applications.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <span>
                  {a.amount ? formatRupiah(a.amount, loc) : "—"} · {format.date(a.submittedAt ?? a.createdAt)}
                </span>
                <span className="flex items-center gap-2">
                  <LoanStatusBadge status={a.status} />
                  <Link href={a.status === "draft" ? "/borrower/apply" : `/borrower/applications/${a.id}`} className="font-semibold text-brand-700 underline">
                    {t("view")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
