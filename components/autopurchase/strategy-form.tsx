"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import { STRATEGY_METHODS, STRATEGY_SECTORS, StrategyInput } from "@/lib/autopurchase/schemas";
import { formatRupiah } from "@/lib/money/format";
import { ChoiceGroup } from "./choice-group";
import { PreviewCount, PreviewPanel } from "./preview-panel";
import { SubgradePicker } from "./subgrade-picker";
import { useAutoPurchaseErrorText, type ProductOption, type StrategyFormState } from "./use-ap-text";

type Result = { ok: boolean; id?: string; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

/**
 * Create or edit a strategy. The same zod schema as the server (StrategyInput) checks it here first;
 * field errors the server still finds are put on their fields. A live preview beside the form shows
 * which of today's listed loans these rules would buy.
 */
export function StrategyForm({
  mode,
  products,
  initial,
  action,
  cancelHref,
}: {
  mode: "create" | "edit";
  products: ProductOption[];
  initial: StrategyFormState;
  action: (values: StrategyFormState) => Promise<Result>;
  cancelHref: string;
}) {
  const t = useTranslations("autoPurchase.form");
  const tl = useTranslations("loans");
  const ts = useTranslations("sectors");
  const locale = useLocale() as "en" | "id";
  const text = useAutoPurchaseErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  // The typed figures of the server's last field errors (e.g. a product's minimum), for their sentences.
  const [serverDetails, setServerDetails] = useState<Record<string, unknown>>();
  const [pending, start] = useTransition();
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<StrategyFormState>({
    resolver: zodResolver(StrategyInput as never, undefined, { raw: true }),
    defaultValues: initial,
  });
  const errors = formState.errors;
  const err = (name: keyof StrategyFormState) => text.field(errors[name]?.message as string | undefined, errors[name]?.type === "server" ? serverDetails : undefined);
  const values = useWatch({ control }) as StrategyFormState;
  // The products' minimums above the amount per loan: those loans would be skipped, so say so while typing.
  const amount = /^\d{1,16}$/.test(values.amountPerLoan ?? "") ? BigInt(values.amountPerLoan) : null;
  const considered = values.productCodes?.length ? products.filter((p) => values.productCodes.includes(p.code)) : products;
  const tooSmallFor = amount === null || amount === 0n ? [] : considered.filter((p) => BigInt(p.minInvestment) > amount);
  const amountHint = [t("amountPerLoanHint"), tooSmallFor.length ? t("belowMinimum", { products: tooSmallFor.map((p) => `${p.name} (${formatRupiah(p.minInvestment, locale)})`).join(", ") }) : null].filter(Boolean).join(" ");

  const onSubmit = (data: StrategyFormState) =>
    start(async () => {
      setFormError(undefined);
      const result = await action(data);
      if (result.ok) {
        toast.success(mode === "create" ? t("created") : t("saved"));
        router.push(result.id && mode === "create" ? "/lender/auto-purchase" : cancelHref);
        router.refresh();
        return;
      }
      setServerDetails(result.details);
      for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof StrategyFormState, { type: "server", message: m });
      setFormError(text.form(result.error, result.message, result.details));
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="min-w-0 space-y-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <FormError message={formError} />
        <TextField id="strategy-name" label={t("name")} maxLength={60} error={err("name")} {...register("name")} />

        <ChoiceGroup
          id="products"
          legend={t("products")}
          hint={t("productsHint")}
          error={err("productCodes")}
          register={register("productCodes")}
          options={products.map((p) => ({
            value: p.code,
            label: p.name,
            hint: t("productMin", { min: formatRupiah(p.minInvestment, locale), step: formatRupiah(p.investmentStep, locale) }),
          }))}
        />

        <SubgradePicker
          selected={values.subgrades ?? []}
          onChange={(next) => setValue("subgrades", next, { shouldDirty: true })}
          register={register("subgrades")}
          error={err("subgrades")}
        />

        <fieldset className="min-w-0 space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("tenor")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField id="min-tenor" label={t("minTenor")} inputMode="numeric" error={err("minTenorMonths")} {...register("minTenorMonths")} />
            <TextField id="max-tenor" label={t("maxTenor")} inputMode="numeric" error={err("maxTenorMonths")} {...register("maxTenorMonths")} />
          </div>
          <p className="text-xs text-slate-600">{t("tenorHint")}</p>
        </fieldset>

        <TextField id="min-rate" label={t("minRate")} inputMode="decimal" hint={t("minRateHint")} error={err("minRateBps")} {...register("minRateBps")} />

        <ChoiceGroup id="sectors" legend={t("sectors")} hint={t("sectorsHint")} error={err("sectors")} register={register("sectors")} options={STRATEGY_SECTORS.map((s) => ({ value: s, label: ts.has(s) ? ts(s) : s }))} />
        <ChoiceGroup id="methods" legend={t("methods")} hint={t("methodsHint")} error={err("methods")} register={register("methods")} options={STRATEGY_METHODS.map((m) => ({ value: m, label: tl(`methods.${m}`) }))} />

        <fieldset className="min-w-0 space-y-4">
          <legend className="text-sm font-medium text-slate-800">{t("money")}</legend>
          {(
            [
              ["amountPerLoan", "amount-per-loan", "amountPerLoanHint"],
              ["budget", "budget", "budgetHint"],
              ["maxPerBorrower", "max-per-borrower", "maxPerBorrowerHint"],
              ["cashReserve", "cash-reserve", "cashReserveHint"],
            ] as const
          ).map(([name, id, hint]) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => <RupiahInput id={id} label={t(name)} hint={name === "amountPerLoan" ? amountHint : t(hint)} error={err(name)} {...field} value={field.value ?? ""} />}
            />
          ))}
        </fieldset>

        <div className="flex items-start gap-3">
          <input id="reinvest" type="checkbox" className="mt-1 h-5 w-5 shrink-0" aria-describedby="reinvest-hint" {...register("reinvest")} />
          <div>
            <label htmlFor="reinvest" className="text-sm font-medium text-slate-800">
              {t("reinvest")}
            </label>
            <p id="reinvest-hint" className="text-xs text-slate-600">
              {t("reinvestHint")}
            </p>
          </div>
        </div>

        <PreviewCount values={values} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {mode === "create" ? t("create") : t("save")}
          </Button>
          <Link href={cancelHref} className={buttonClass("secondary")}>
            {t("cancel")}
          </Link>
        </div>
      </form>
      <PreviewPanel values={values} productNames={Object.fromEntries(products.map((p) => [p.code, p.name]))} />
    </div>
  );
}
