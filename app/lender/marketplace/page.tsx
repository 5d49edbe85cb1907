import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/loans/add-to-cart-form";
import { FundingProgress } from "@/components/loans/funding-progress";
import { MarketFilterSheet } from "@/components/loans/market-filter-sheet";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listMarketplace, listMarketplaceProducts } from "@/lib/loans/marketplace";
import { SECTORS } from "@/lib/loans/scoring";
import { loanName, sectorName, tenorText } from "@/lib/loans/words";
import { formatPercent, formatRupiah } from "@/lib/money/format";
import { percentToBps } from "@/lib/money/percent";
import { addToCartAction } from "../cart-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("market");
  return { title: t("title") };
}

const SORTS = ["newest", "rate_desc", "time_left", "funded_pct"] as const;
const GRADES = ["A", "B", "C", "D", "E"] as const;
/** Loans per page: ten cards (measured at 375 px: the page is about 5.250 px tall, cards 445–485 px each). */
const PAGE_SIZE = 10;
const FILTER_KEYS = ["product", "grade", "tenorMin", "tenorMax", "minRate", "sector"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Search = Partial<Record<FilterKey | "sort" | "page", string>>;

const whole = (v?: string) => (v && /^\d{1,4}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
const rateOf = (v?: string) => (v && /^\d{1,2}(\.\d{1,2})?$/.test(v) ? v : undefined);

/** The URL's filters, dropping anything invalid rather than failing the page. */
function filtersOf(sp: Search) {
  const rate = rateOf(sp.minRate);
  const tenorMin = whole(sp.tenorMin);
  const tenorMax = whole(sp.tenorMax);
  return {
    sort: SORTS.includes(sp.sort as never) ? sp.sort! : "newest",
    productId: sp.product && /^[0-9a-f-]{36}$/i.test(sp.product) ? sp.product : undefined,
    grades: GRADES.includes(sp.grade as never) ? [sp.grade as (typeof GRADES)[number]] : undefined,
    tenorMin,
    tenorMax,
    tenorUnit: tenorMin || tenorMax ? ("months" as const) : undefined,
    minRateBps: rate ? (percentToBps(rate) ?? undefined) : undefined,
    sector: SECTORS.includes(sp.sector as never) ? (sp.sector as (typeof SECTORS)[number]) : undefined,
  };
}

/** The query string of a marketplace view; `page` is left out so a changed filter starts at page 1. */
function hrefOf(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const s = q.toString();
  return s ? `/lender/marketplace?${s}` : "/lender/marketplace";
}

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const f = filtersOf(sp);
  const [t, tl, tw, tc, ts, twords, format, locale, market, products] = await Promise.all([
    getTranslations("market"),
    getTranslations("loans"),
    getTranslations("wallet"),
    getTranslations("cart"),
    getTranslations("sectors"),
    getTranslations("words"),
    getFormatter(),
    getLocale(),
    listMarketplace({ ctx, input: { ...f, page: whole(sp.page) ?? 1, pageSize: PAGE_SIZE } }),
    listMarketplaceProducts({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const at = now();
  const pages = Math.max(1, Math.ceil(market.total / market.pageSize));
  const ids = market.items.map((l) => l.id);
  const progress = market.items.map((l) => ({ id: l.id, fundedAmount: l.fundedAmount.toString(), principal: l.principal.toString(), fundedPct: l.fundedPct }));

  // Only the filters the page actually applied (a malformed value in the URL is dropped, not shown).
  const applied: Partial<Record<FilterKey, string>> = {
    product: f.productId,
    grade: f.grades?.[0],
    tenorMin: f.tenorMin ? String(f.tenorMin) : undefined,
    tenorMax: f.tenorMax ? String(f.tenorMax) : undefined,
    minRate: rateOf(sp.minRate),
    sector: f.sector,
  };
  const params = { ...applied, sort: f.sort === "newest" ? undefined : f.sort };
  const chipText: Record<FilterKey, (v: string) => string> = {
    product: (v) => products.find((p) => p.id === v)?.name ?? t("product"),
    grade: (v) => t("chipGrade", { grade: v }),
    tenorMin: (v) => t("chipTenorMin", { tenor: tenorText(twords, Number(v), "months") }),
    tenorMax: (v) => t("chipTenorMax", { tenor: tenorText(twords, Number(v), "months") }),
    minRate: (v) => t("chipMinRate", { rate: format.number(Number(v), { minimumFractionDigits: 0, maximumFractionDigits: 2 }) }),
    sector: (v) => sectorName(ts, v),
  };
  const chips = FILTER_KEYS.filter((k) => applied[k]).map((k) => ({ key: k, text: chipText[k](applied[k]!), href: hrefOf({ ...params, [k]: undefined }) }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <MarketFilterSheet
          values={{ product: applied.product ?? "", grade: applied.grade ?? "", tenorMin: applied.tenorMin ?? "", tenorMax: applied.tenorMax ?? "", minRate: applied.minRate ?? "", sector: applied.sector ?? "", sort: f.sort }}
          active={chips.length}
          products={products.map((p) => ({ value: p.id, label: p.name }))}
          grades={[...GRADES]}
          sectors={SECTORS.map((s) => ({ value: s, label: sectorName(ts, s) }))}
          sorts={SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
        />
      </div>
      {chips.length > 0 ? (
        <ul aria-label={t("activeFilters")} className="flex flex-wrap items-center gap-2">
          {chips.map((c) => (
            <li key={c.key}>
              <Link href={c.href} aria-label={t("removeFilter", { filter: c.text })} className="inline-flex min-h-9 items-center gap-1 rounded-full bg-brand-50 px-3 text-sm font-medium text-brand-800 ring-1 ring-brand-600/40 hover:bg-brand-100">
                {c.text}
                <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href={hrefOf({ sort: params.sort })} className="inline-flex min-h-9 items-center px-2 text-sm underline">
              {t("clearAll")}
            </Link>
          </li>
        </ul>
      ) : null}
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("count", { count: market.total })} · {t(`sorts.${f.sort}`)}
      </p>
      {market.items.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul aria-label={t("loansList")} className="grid gap-3 md:grid-cols-2">
          {market.items.map((l) => {
            const name = loanName(twords, l);
            // Names the card's controls: the business and product, and the amount to tell two apart.
            const label = `${name} ${formatRupiah(l.principal, loc)}`;
            return (
              <li key={l.id}>
                <article aria-labelledby={`loan-${l.id}`} className="min-w-0 space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h2 id={`loan-${l.id}`} className="text-base font-semibold">
                        <Link href={`/lender/marketplace/${l.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                          {l.businessName || l.productName}
                        </Link>
                      </h2>
                      <p className="text-sm text-slate-600">
                        {[l.businessName ? l.productName : null, sectorName(ts, l.sector), l.city].filter(Boolean).join(" · ")}
                      </p>
                    </div>
                    <Badge tone="info">{l.subgrade}</Badge>
                  </div>
                  <dl className="grid grid-cols-3 gap-2 text-sm">
                    <div className="min-w-0"><dt className="text-slate-600">{tl("rate")}</dt><dd className="font-semibold">{tl("ratePerYear", { rate: formatPercent(l.rateBps, loc, { sign: false }) })}</dd></div>
                    <div className="min-w-0"><dt className="text-slate-600">{tl("tenor")}</dt><dd className="font-semibold">{tenorText(twords, l.tenor, l.tenorUnit)}</dd></div>
                    <div className="min-w-0"><dt className="text-slate-600">{tl("amount")}</dt><dd className="whitespace-nowrap font-semibold">{formatRupiah(l.principal, loc)}</dd></div>
                  </dl>
                  {l.purpose ? <p className="line-clamp-2 text-sm text-slate-700">{l.purpose}</p> : null}
                  <div className="space-y-1 text-sm">
                    <FundingProgress loanId={l.id} ids={ids} initial={progress} label={label} />
                    <p className="text-slate-600">{t("closes", { when: format.relativeTime(l.fundingDeadline, at) })}</p>
                    {l.holdbackUntil > at ? <Badge tone="info">{t("manualOnly")}</Badge> : null}
                  </div>
                  <AddToCartForm primary loanId={l.id} label={label} minimum={l.minInvestment.toString()} action={addToCartAction} />
                </article>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={market.page} hasNext={market.page < pages} basePath="/lender/marketplace" params={params} labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: market.page, pages }), nav: t("title") }} />
      <p className="text-sm"><Link href="/lender/cart" className="underline">{tc("title")}</Link></p>
    </div>
  );
}
