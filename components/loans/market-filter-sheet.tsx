"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";

type Option = { value: string; label: string };
export type MarketFilterValues = { product: string; grade: string; tenorMin: string; tenorMax: string; minRate: string; sector: string; sort: string };

/**
 * The marketplace's filters behind one "Filter" button: a sheet (a modal dialog) holding the GET form,
 * so the loans come first on a phone and every filtered view stays a shareable URL.
 */
export function MarketFilterSheet({
  values,
  active,
  products,
  grades,
  sectors,
  sorts,
}: {
  values: MarketFilterValues;
  active: number;
  products: Option[];
  grades: string[];
  sectors: Option[];
  sorts: Option[];
}) {
  const t = useTranslations("market");
  const tl = useTranslations("loans");
  const [open, setOpen] = useState(false);
  const any = { value: "", label: t("any") };
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          <path d="M3 4h14l-5.5 6.5V16l-3 1.5v-7z" />
        </svg>
        {active > 0 ? t("filterWithCount", { count: active }) : t("filter")}
      </Button>
      <Dialog open={open} title={t("filterTitle")} onClose={() => setOpen(false)} widthClass="w-[min(34rem,calc(100vw-1rem))]">
        <form method="get" action="/lender/marketplace" aria-label={t("filters")} className="grid gap-3 sm:grid-cols-2">
          <SelectField id="f-product" name="product" label={t("product")} defaultValue={values.product} options={[any, ...products]} />
          <SelectField id="f-grade" name="grade" label={tl("grade")} defaultValue={values.grade} options={[any, ...grades.map((g) => ({ value: g, label: g }))]} />
          <TextField id="f-tenor-min" name="tenorMin" label={t("tenorMin")} inputMode="numeric" defaultValue={values.tenorMin} />
          <TextField id="f-tenor-max" name="tenorMax" label={t("tenorMax")} inputMode="numeric" defaultValue={values.tenorMax} />
          <TextField id="f-min-rate" name="minRate" label={t("minRate")} inputMode="decimal" defaultValue={values.minRate} />
          <SelectField id="f-sector" name="sector" label={t("sector")} defaultValue={values.sector} options={[any, ...sectors]} />
          <SelectField id="f-sort" name="sort" label={t("sort")} defaultValue={values.sort} options={sorts} className="sm:col-span-2" />
          <div className="flex flex-wrap items-center justify-end gap-2 sm:col-span-2">
            <Link href="/lender/marketplace" className="inline-flex min-h-11 items-center px-3 text-sm underline">
              {t("reset")}
            </Link>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("close")}
            </Button>
            <Button type="submit">{t("apply")}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
