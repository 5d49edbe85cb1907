import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicHeader } from "@/components/layout/public-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { buttonClass } from "@/components/ui/button";
import { getRequestCtx } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/auth/sign-in";
import { getTransparencyStats } from "@/lib/loans/transparency";
import { formatPercent, formatRupiah, formatDate } from "@/lib/money/format";
import { getLocale } from "next-intl/server";

export default async function LandingPage() {
  const [t, ctx, stats, locale] = await Promise.all([getTranslations("landing"), getRequestCtx(), getTransparencyStats(), getLocale()]);
  const loc = locale as "en" | "id";
  const tkb90 = formatPercent(stats.tkb90Bps, loc);
  const home = ctx.actor.type === "user" ? ROLE_HOME[ctx.actor.role] : undefined;
  const features = ["lend", "borrow", "gold"] as const;
  const pct = (bps: number) => formatPercent(bps, loc);
  const day = (d: Date) => formatDate(d, loc);
  // Each figure with what it counts or how it is computed.
  const figures: [string, string, string?][] = [
    [t("totalDisbursed"), formatRupiah(stats.totalDisbursed, loc)],
    [t("lendersInvesting"), String(stats.lenders), t("lendersCount", { investing: stats.lenders, registered: stats.registeredLenders })],
    [t("borrowersFunded"), String(stats.borrowers), t("borrowersCount", { funded: stats.borrowers, registered: stats.registeredBorrowers })],
    [t("tkb90"), tkb90],
    [
      t("rateRange"),
      stats.rateRange ? t("rateRangeValue", { low: pct(stats.rateRange.minRateBps), high: pct(stats.rateRange.maxRateBps) }) : t("notYet"),
      t("rateRangeBasis"),
    ],
    [t("averageReturn"), stats.averageNetRateBps !== null ? t("averageReturnValue", { rate: pct(stats.averageNetRateBps) }) : t("notYet"), t("averageReturnBasis")],
  ];
  return (
    <>
      <PublicHeader signedInHome={home} />
      <main id="main">
        <section className="bg-gradient-to-b from-brand-800 to-brand-700 text-white">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
            <h1 className="max-w-3xl text-3xl font-bold leading-tight sm:text-5xl">{t("heroTitle")}</h1>
            <p className="mt-4 max-w-2xl text-lg text-brand-50">{t("heroBody")}</p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/sign-up/lender" data-track="landing_signup_lender" className={buttonClass("secondary", "text-brand-800")}>
                {t("ctaLender")}
              </Link>
              <Link href="/sign-up/borrower" data-track="landing_signup_borrower" className={buttonClass("secondary", "text-brand-800")}>
                {t("ctaBorrower")}
              </Link>
            </div>
          </div>
        </section>
        <section aria-labelledby="transparency" className="mx-auto max-w-6xl px-4 pt-10">
          <h2 id="transparency" className="mb-4 text-2xl font-bold">
            {t("transparencyTitle")}
          </h2>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            {figures.map(([label, value, note]) => (
              <div key={label} className="min-w-0 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <dt className="text-sm text-slate-600">{label}</dt>
                <dd className="text-xl font-bold text-brand-800">{value}</dd>
                {note ? <dd className="mt-1 text-xs text-slate-600">{note}</dd> : null}
              </div>
            ))}
          </dl>
          <p className="mt-2 text-sm text-slate-600" data-testid="figures-basis">
            {stats.firstDisbursedAt
              ? t("figuresBasis", { at: day(stats.asOf), since: day(stats.firstDisbursedAt), loans: stats.loansDisbursed })
              : t("figuresBasisNone", { at: day(stats.asOf) })}
          </p>
          <p className="mt-2 text-sm text-slate-600">{t("tkb90Note", { outstanding: formatRupiah(stats.outstanding, loc), over90: formatRupiah(stats.outstandingOver90, loc) })}</p>
        </section>
        <section aria-labelledby="features" className="mx-auto max-w-6xl px-4 py-12">
          <h2 id="features" className="mb-6 text-2xl font-bold">
            {t("featuresTitle")}
          </h2>
          <ul className="grid gap-4 md:grid-cols-3">
            {features.map((f) => (
              <li key={f} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <h3 className="text-lg font-semibold text-brand-800">{t(`features.${f}.title`)}</h3>
                <p className="mt-2 text-sm text-slate-700">{t(`features.${f}.body`)}</p>
              </li>
            ))}
          </ul>
          <p className="mt-8 rounded-xl bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">{t("riskNote")}</p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
