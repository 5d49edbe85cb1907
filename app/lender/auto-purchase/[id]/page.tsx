import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DecisionTable } from "@/components/autopurchase/decision-table";
import { PreviewList } from "@/components/autopurchase/preview-list";
import { RulesSummary } from "@/components/autopurchase/rules-summary";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { formatRupiah } from "@/lib/money/format";
import { getRequestCtx } from "@/lib/auth/session";
import { listStrategyDecisions } from "@/lib/autopurchase/decisions";
import { previewStrategy } from "@/lib/autopurchase/preview";
import { getStrategy, listStrategyProductOptions } from "@/lib/autopurchase/strategy-queries";
import { isDomainError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("autoPurchase");
  return { title: t("title") };
}

const pageOf = (v: string | undefined) => Math.min(10_000, Math.max(1, Number.parseInt(v ?? "1", 10) || 1));

/** One strategy: its rules, what it bought and skipped (each paged on its own), and today's matches. */
export default async function StrategyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ bought?: string; skipped?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const ctx = await getRequestCtx();
  const strategy = await getStrategy({ ctx, input: { strategyId: id } }).catch((e) => {
    if (isDomainError(e) && (e.status === 404 || e.status === 400)) notFound();
    throw e;
  });
  const boughtPage = pageOf(sp.bought);
  const skippedPage = pageOf(sp.skipped);
  const [t, tp, locale, products, bought, skipped, preview] = await Promise.all([
    getTranslations("autoPurchase"),
    getTranslations("autoPurchase.preview"),
    getLocale(),
    listStrategyProductOptions({ ctx }),
    listStrategyDecisions({ ctx, input: { strategyId: strategy.id, outcome: "bought", page: boughtPage } }),
    listStrategyDecisions({ ctx, input: { strategyId: strategy.id, outcome: "skipped", page: skippedPage } }),
    previewStrategy({ ctx, input: { strategyId: strategy.id } }),
  ]);
  const loc = locale as "en" | "id";
  const productNames = Object.fromEntries(products.map((p) => [p.code, p.name]));
  const json = (d: typeof bought) => ({
    ...d,
    items: d.items.map((i) => ({
      id: i.id,
      reason: i.reason,
      amount: i.amount.toString(),
      requested: i.requested.toString(),
      details: i.details,
      createdAt: i.createdAt.toISOString(),
      loan: { id: i.loan.id, label: `${productNames[i.loan.productCode] ?? i.loan.productCode} ${i.loan.subgrade} · ${i.loan.purpose}` },
    })),
  });
  const href = (b: number, s: number) => `/lender/auto-purchase/${strategy.id}?bought=${b}&skipped=${s}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href="/lender/auto-purchase" className="text-sm text-brand-700 underline">
            {t("detail.back")}
          </Link>
          <h1 className="text-2xl font-bold break-words">{strategy.name}</h1>
          <p className="text-sm text-slate-700">{strategy.active ? t("list.on") : t("list.paused")}</p>
        </div>
        <Link href={`/lender/auto-purchase/${strategy.id}/edit`} className={buttonClass("secondary")} aria-label={t("list.editName", { name: strategy.name })}>
          {t("list.edit")}
        </Link>
      </div>

      <dl className="grid grid-cols-2 gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4">
        <Stat label={t("list.invested")} value={formatRupiah(strategy.invested, loc)} />
        <Stat label={t("list.outstanding")} value={formatRupiah(strategy.outstanding, loc)} />
        <Stat label={t("list.budgetUsed")} value={t("list.outstandingOfBudget", { outstanding: formatRupiah(strategy.budgetUsed, loc), budget: formatRupiah(strategy.budget, loc) })} />
        <Stat label={t("list.loansBought")} value={strategy.boughtCount} />
      </dl>

      <Card title={t("detail.rules")}>
        <RulesSummary strategy={strategy} products={products} locale={loc} />
      </Card>

      <Card title={t("detail.bought")}>
        <DecisionTable kind="bought" data={json(bought)} locale={loc} prevHref={boughtPage > 1 ? href(boughtPage - 1, skippedPage) : undefined} nextHref={boughtPage * bought.pageSize < bought.total ? href(boughtPage + 1, skippedPage) : undefined} />
      </Card>

      <Card title={t("detail.skipped")}>
        <DecisionTable kind="skipped" data={json(skipped)} locale={loc} prevHref={skippedPage > 1 ? href(boughtPage, skippedPage - 1) : undefined} nextHref={skippedPage * skipped.pageSize < skipped.total ? href(boughtPage, skippedPage + 1) : undefined} />
      </Card>

      <Card title={tp("title")}>
        <p className="mb-2 text-sm font-medium">{tp("matching", { count: preview.total })}</p>
        <PreviewList
          total={preview.total}
          productNames={productNames}
          loans={preview.loans.map((l) => ({ loanId: l.loanId, productCode: l.productCode, subgrade: l.subgrade, rateBps: l.rateBps, principal: l.principal.toString(), fundedAmount: l.fundedAmount.toString(), tenor: l.tenor, tenorUnit: l.tenorUnit, purpose: l.purpose }))}
        />
      </Card>
    </div>
  );
}
