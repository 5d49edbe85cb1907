import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProductForm } from "@/components/loans/product-form";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { listLoanProducts } from "@/lib/loans/application-queries";
import { productFormValues } from "@/lib/loans/schemas";
import { updateProductAction } from "../loan-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("products");
  return { title: t("title") };
}

export default async function ProductsPage() {
  const ctx = await getRequestCtx();
  const [t, products] = await Promise.all([getTranslations("products"), listLoanProducts({ ctx, includeInactive: true })]);
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
    </div>
  );
}
