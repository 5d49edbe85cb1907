import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StrategyForm } from "@/components/autopurchase/strategy-form";
import { EMPTY_STRATEGY } from "@/components/autopurchase/use-ap-text";
import { getRequestCtx } from "@/lib/auth/session";
import { listStrategyProductOptions } from "@/lib/autopurchase/strategy-queries";
import { createStrategyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("autoPurchase.form");
  return { title: t("newTitle") };
}

export default async function NewStrategyPage() {
  const ctx = await getRequestCtx();
  const [t, products] = await Promise.all([getTranslations("autoPurchase.form"), listStrategyProductOptions({ ctx })]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <StrategyForm
        mode="create"
        products={products.map((p) => ({ code: p.code, name: p.name, minInvestment: p.minInvestment.toString(), investmentStep: p.investmentStep.toString() }))}
        initial={EMPTY_STRATEGY}
        action={createStrategyAction}
        cancelHref="/lender/auto-purchase"
      />
    </div>
  );
}
