import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProductForm } from "@/components/loans/product-form";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { listLoanProducts } from "@/lib/loans/application-queries";
import { productFormValues } from "@/lib/loans/schemas";
import { createProductAction, updateProductAction } from "../loan-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("products");
  return { title: t("title") };
}

/** The create form starts from the usual terms (closed for applications until an admin opens it). */
const NEW_PRODUCT = {
  code: "",
  name: "",
  tenorUnit: "months",
  method: "annuity",
  minAmount: "",
  maxAmount: "",
  minTenor: "",
  maxTenor: "",
  platformFeeBps: "",
  lateFeeDailyPpm: "",
  serviceFeeBps: "1",
  minInvestment: "100000",
  investmentStep: "100000",
  fundingWindowDays: "14",
  holdbackBps: "20",
  rateBands: Object.fromEntries(["A", "B", "C", "D", "E"].map((g) => [g, { minRateBps: "", maxRateBps: "" }])),
  active: false,
};

export default async function ProductsPage() {
  const ctx = await getRequestCtx();
  const [t, tc, products] = await Promise.all([getTranslations("products"), getTranslations("productCreate"), listLoanProducts({ ctx, input: { includeInactive: true } })]);
  const [tl, ta] = await Promise.all([getTranslations("loans"), getTranslations("apply")]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {products.map((p) => {
        return (
          <Card key={p.id} title={`${p.name} (${tl(`methods.${p.method}`)}, ${ta(`units.${p.tenorUnit}`)})`}>
            <ProductForm action={updateProductAction} initial={productFormValues(p)} />
          </Card>
        );
      })}
      <Card title={tc("title")}>
        <p className="mb-4 text-sm text-slate-700">{tc("intro")}</p>
        <ProductForm action={createProductAction} create initial={NEW_PRODUCT} />
      </Card>
    </div>
  );
}
