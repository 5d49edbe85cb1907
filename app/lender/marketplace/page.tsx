import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/loans/add-to-cart-form";
import { FundingProgress } from "@/components/loans/funding-progress";
import { InvestForm } from "@/components/loans/invest-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listMarketplace, listMarketplaceProducts } from "@/lib/loans/marketplace";
import { SECTORS } from "@/lib/loans/scoring";
import { formatRupiah } from "@/lib/money/format";
import { addToCartAction } from "../cart-actions";
import { investAction } from "../invest-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("market");
  return { title: t("title") };
}

const SORTS = ["newest", "rate_desc", "time_left", "funded_pct"] as const;
const GRADES = ["A", "B", "C", "D", "E"] as const;
type Search = { sort?: string; page?: string; product?: string; grade?: string; tenorMin?: string; tenorMax?: string; minRate?: string; sector?: string };

const whole = (v?: string) => (v && /^\d{1,4}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/** The URL's filters, dropping anything invalid rather than failing the page. */
function filtersOf(sp: Search) {
  const rate = sp.minRate && /^\d{1,2}(\.\d{1,2})?$/.test(sp.minRate) ? Math.round(Number(sp.minRate) * 100) : undefined;
  const tenorMin = whole(sp.tenorMin);
  const tenorMax = whole(sp.tenorMax);
  return {
    sort: SORTS.includes(sp.sort as never) ? sp.sort! : "newest",
    productId: sp.product && /^[0-9a-f-]{36}$/i.test(sp.product) ? sp.product : undefined,
    grades: GRADES.includes(sp.grade as never) ? [sp.grade as (typeof GRADES)[number]] : undefined,
    tenorMin,
    tenorMax,
    tenorUnit: tenorMin || tenorMax ? ("months" as const) : undefined,
    minRateBps: rate,
    sector: SECTORS.includes(sp.sector as never) ? (sp.sector as (typeof SECTORS)[number]) : undefined,
  };
}

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const f = filtersOf(sp);
  const [t, tl, tw, tc, ts, format, locale, market, products] = await Promise.all([
    getTranslations("market"),
    getTranslations("loans"),
    getTranslations("wallet"),
    getTranslations("cart"),
    getTranslations("sectors"),
    getFormatter(),
    getLocale(),
    listMarketplace({ ctx, input: { ...f, page: whole(sp.page) ?? 1, pageSize: 12 } }),
    listMarketplaceProducts({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const at = now();
  const pages = Math.max(1, Math.ceil(market.total / market.pageSize));
  const ids = market.items.map((l) => l.id);
  const progress = market.items.map((l) => ({ id: l.id, fundedAmount: l.fundedAmount.toString(), principal: l.principal.toString(), fundedPct: l.fundedPct }));
  const params = Object.fromEntries(Object.entries({ sort: f.sort, product: sp.product, grade: sp.grade, tenorMin: sp.tenorMin, tenorMax: sp.tenorMax, minRate: sp.minRate, sector: sp.sector }).filter(([, v]) => v)) as Record<string, string>;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" action="/lender/marketplace" aria-label={t("filters")} className="grid gap-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField id="f-product" name="product" label={t("product")} defaultValue={sp.product ?? ""} options={[{ value: "", label: t("any") }, ...products.map((p) => ({ value: p.id, label: p.name }))]} />
        <SelectField id="f-grade" name="grade" label={tl("grade")} defaultValue={sp.grade ?? ""} options={[{ value: "", label: t("any") }, ...GRADES.map((g) => ({ value: g, label: g }))]} />
        <TextField id="f-tenor-min" name="tenorMin" label={t("tenorMin")} inputMode="numeric" defaultValue={sp.tenorMin ?? ""} />
        <TextField id="f-tenor-max" name="tenorMax" label={t("tenorMax")} inputMode="numeric" defaultValue={sp.tenorMax ?? ""} />
        <TextField id="f-min-rate" name="minRate" label={t("minRate")} inputMode="decimal" defaultValue={sp.minRate ?? ""} />
        <SelectField id="f-sector" name="sector" label={t("sector")} defaultValue={sp.sector ?? ""} options={[{ value: "", label: t("any") }, ...SECTORS.map((s) => ({ value: s, label: ts.has(s) ? ts(s) : s }))]} />
        <SelectField id="f-sort" name="sort" label={t("sort")} defaultValue={f.sort} options={SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))} />
        <div className="flex items-end gap-2">
          <Button type="submit">{t("apply")}</Button>
          <Link href="/lender/marketplace" className="px-3 py-2 text-sm underline">{t("reset")}</Link>
        </div>
      </form>
      <p className="text-sm text-slate-700" aria-live="polite">{t("count", { count: market.total })}</p>
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
                  <p className="text-sm">
                    <Link href={`/lender/marketplace/${l.id}`} className="font-semibold text-brand-800 underline">{t("details", { business: l.businessName || label })}</Link>
                    <span className="text-slate-600"> · {ts.has(l.sector) ? ts(l.sector) : l.sector} · {l.city}</span>
                  </p>
                  <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                    <div><dt className="text-slate-600">{tl("grade")}</dt><dd className="font-semibold">{l.subgrade}</dd></div>
                    <div><dt className="text-slate-600">{tl("rate")}</dt><dd className="font-semibold">{tl("ratePerYear", { rate: (l.rateBps / 100).toFixed(2) })}</dd></div>
                    <div><dt className="text-slate-600">{tl("tenor")}</dt><dd>{l.tenor} {l.tenorUnit === "days" ? t("days") : t("months")}</dd></div>
                    <div><dt className="text-slate-600">{tl("method")}</dt><dd>{tl(`methods.${l.method}`)}</dd></div>
                    <div><dt className="text-slate-600">{tl("amount")}</dt><dd>{formatRupiah(l.principal, loc)}</dd></div>
                    <div><dt className="text-slate-600">{t("timeLeft")}</dt><dd>{format.relativeTime(l.fundingDeadline, at)}</dd></div>
                  </dl>
                  <p className="mt-2 text-sm text-slate-700">{l.purpose}</p>
                  <div className="mt-3 space-y-1 text-sm">
                    <FundingProgress loanId={l.id} ids={ids} initial={progress} label={label} />
                    {l.holdbackUntil > at ? <Badge tone="info">{t("manualOnly")}</Badge> : null}
                  </div>
                  <div className="mt-3 grid gap-3 sm:grid-cols-2">
                    <AddToCartForm loanId={l.id} label={label} minimum={l.minInvestment.toString()} action={addToCartAction} />
                    <InvestForm loanId={l.id} label={label} minimum={l.minInvestment.toString()} action={investAction} />
                  </div>
                </Card>
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
