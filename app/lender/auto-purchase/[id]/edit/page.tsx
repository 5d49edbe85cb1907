import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StrategyForm } from "@/components/autopurchase/strategy-form";
import { getRequestCtx } from "@/lib/auth/session";
import { bpsToPercent } from "@/lib/autopurchase/schemas";
import { getStrategy, listStrategyProductOptions } from "@/lib/autopurchase/strategy-queries";
import { isDomainError } from "@/lib/errors";
import { updateStrategyAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("autoPurchase.form");
  return { title: t("editTitle") };
}

export default async function EditStrategyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const strategy = await getStrategy({ ctx, input: { strategyId: id } }).catch((e) => {
    if (isDomainError(e) && (e.status === 404 || e.status === 400)) notFound();
    throw e;
  });
  const [t, products] = await Promise.all([getTranslations("autoPurchase.form"), listStrategyProductOptions({ ctx })]);
  const update = updateStrategyAction.bind(null, strategy.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
        <p className="text-sm break-words text-slate-700">{strategy.name}</p>
      </div>
      <StrategyForm
        mode="edit"
        products={products.map((p) => ({ code: p.code, name: p.name, minInvestment: p.minInvestment.toString(), investmentStep: p.investmentStep.toString() }))}
        initial={{
          name: strategy.name,
          productCodes: strategy.productCodes,
          subgrades: strategy.subgrades,
          minTenorMonths: strategy.minTenorMonths?.toString() ?? "",
          maxTenorMonths: strategy.maxTenorMonths?.toString() ?? "",
          minRateBps: strategy.minRateBps === null ? "" : bpsToPercent(strategy.minRateBps),
          sectors: strategy.sectors,
          methods: strategy.methods,
          amountPerLoan: strategy.amountPerLoan.toString(),
          budget: strategy.budget.toString(),
          maxPerBorrower: strategy.maxPerBorrower?.toString() ?? "",
          cashReserve: strategy.cashReserve.toString(),
          reinvest: strategy.reinvest,
        }}
        action={update}
        cancelHref={`/lender/auto-purchase/${strategy.id}`}
      />
    </div>
  );
}
