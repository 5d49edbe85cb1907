import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { InvestForm } from "@/components/loans/invest-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { listMarketplace } from "@/lib/loans/marketplace";
import { formatRupiah } from "@/lib/money/format";
import { now } from "@/lib/clock";
import { investAction } from "../invest-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("market");
  return { title: t("title") };
}

const SORTS = ["newest", "rate_desc", "time_left", "funded_pct"] as const;

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<{ sort?: string; page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const sort = SORTS.includes(sp.sort as never) ? sp.sort! : "newest";
  const [t, tl, tw, format, locale, market] = await Promise.all([
    getTranslations("market"),
    getTranslations("loans"),
    getTranslations("wallet"),
    getFormatter(),
    getLocale(),
    listMarketplace({ ctx, query: { sort, page: sp.page ?? 1, pageSize: 12 } }),
  ]);
  const loc = locale as "en" | "id";
  const at = now();
  const pages = Math.max(1, Math.ceil(market.total / market.pageSize));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <nav aria-label={t("sort")} className="flex flex-wrap gap-2 text-sm">
        {SORTS.map((s) => (
          <a key={s} href={`/lender/marketplace?sort=${s}`} aria-current={s === sort ? "page" : undefined} className={`rounded-full px-3 py-2 ${s === sort ? "bg-brand-700 text-white" : "bg-white ring-1 ring-slate-300"}`}>
            {t(`sorts.${s}`)}
          </a>
        ))}
      </nav>
      {market.items.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {market.items.map((l) => {
            const label = `${l.productName} ${formatRupiah(l.principal, loc)} ${l.subgrade}`;
            return (
              <li key={l.id}>
                <Card title={label}>
                  <dl className="grid grid-cols-2 gap-2 text-sm">
                    <div><dt className="text-slate-600">{tl("rate")}</dt><dd className="font-semibold">{tl("ratePerYear", { rate: (l.rateBps / 100).toFixed(2) })}</dd></div>
                    <div><dt className="text-slate-600">{tl("tenor")}</dt><dd>{l.tenor} {l.tenorUnit === "days" ? t("days") : t("months")}</dd></div>
                    <div><dt className="text-slate-600">{tl("method")}</dt><dd>{tl(`methods.${l.method}`)}</dd></div>
                    <div><dt className="text-slate-600">{t("timeLeft")}</dt><dd>{format.relativeTime(l.fundingDeadline, at)}</dd></div>
                  </dl>
                  <p className="mt-2 text-sm text-slate-700">{l.purpose}</p>
                  <div className="mt-3 space-y-1 text-sm">
                    <p>{tl("fundedOf", { funded: formatRupiah(l.fundedAmount, loc), amount: formatRupiah(l.principal, loc), pct: l.fundedPct })}</p>
                    <div role="progressbar" aria-label={`${tl("funded")} ${label}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={l.fundedPct} className="h-2 overflow-hidden rounded-full bg-slate-200">
                      <div className="h-full bg-brand-700" style={{ width: `${l.fundedPct}%` }} />
                    </div>
                    {l.holdbackUntil > at ? <Badge tone="info">{t("manualOnly")}</Badge> : null}
                  </div>
                  <div className="mt-3">
                    <InvestForm loanId={l.id} label={label} minimum={l.minInvestment.toString()} action={investAction} />
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={market.page} hasNext={market.page < pages} basePath="/lender/marketplace" params={{ sort }} labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: market.page, pages }), nav: t("title") }} />
    </div>
  );
}
