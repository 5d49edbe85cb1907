"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm, useWatch, type FieldValues, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import { useErrorText } from "@/components/wallet/use-messages";
import type { EstimatePricing } from "@/lib/loans/rules";
import { BusinessStepInput, FinancialsStepInput, LoanStepInput } from "@/lib/loans/schemas";
import { LoanEstimate } from "./loan-estimate";

type Result = { ok: boolean; applicationId?: string; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };
export type ProductOption = { id: string; name: string; minAmount: string; maxAmount: string; minTenor: number; maxTenor: number; tenorUnit: "months" | "days"; pricing?: EstimatePricing };
type Step = "business" | "financials" | "loan";

const SCHEMAS = { business: BusinessStepInput, financials: FinancialsStepInput, loan: LoanStepInput } as const;
const SECTOR_KEYS = ["trade", "food_beverage", "services", "manufacturing", "logistics", "agriculture", "construction", "other"] as const;

export function ApplicationStepForm({
  step,
  applicationId,
  initial,
  products,
  nextHref,
  action,
}: {
  step: Step;
  applicationId?: string;
  initial: Record<string, string>;
  products: ProductOption[];
  nextHref: string;
  action: (input: { applicationId?: string; step: Step; data: Record<string, string> }) => Promise<Result>;
}) {
  const t = useTranslations("apply");
  const ts = useTranslations("sectors");
  const text = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  // The typed figures of the server's last field errors (lib/money/params.ts), for their sentences.
  const [serverDetails, setServerDetails] = useState<Record<string, unknown>>();
  const [pending, start] = useTransition();
  const { register, control, handleSubmit, setError, formState } = useForm<FieldValues>({
    resolver: zodResolver(SCHEMAS[step] as never, undefined, { raw: true }),
    defaultValues: initial,
  });
  const productId = useWatch({ control, name: "productId" }) as string | undefined;
  const product = products.find((p) => p.id === productId);
  const [amount, tenor] = useWatch({ control, name: ["amount", "tenor"] }) as [string | undefined, string | undefined];
  const err = (name: string) => {
    const e = formState.errors[name];
    return text.field(e?.message as string | undefined, e?.type === "server" ? serverDetails : undefined);
  };
  const text_ = (name: string, extra: Record<string, unknown> = {}) => (
    <TextField key={name} id={name} label={t(`fields.${name}`)} error={err(name)} {...extra} {...register(name)} />
  );
  const money = (name: string) => (
    <Controller
      key={name}
      control={control}
      name={name as Path<FieldValues>}
      render={({ field }) => <RupiahInput id={name} label={t(`fields.${name}`)} error={err(name)} {...field} value={(field.value as string) ?? ""} />}
    />
  );

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(undefined);
      const result = await action({ applicationId, step, data: values as Record<string, string> });
      if (result.ok) {
        router.push(nextHref.replace("{id}", result.applicationId ?? applicationId ?? ""));
        router.refresh();
      } else {
        setServerDetails(result.details);
        for (const [f, m] of Object.entries(result.fields ?? {})) setError(f.replace(/^data\./, ""), { type: "server", message: m });
        setFormError(text.form(result.error, result.message, result.details));
      }
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      {step === "business" ? (
        <>
          {text_("legalName", { autoComplete: "organization" })}
          {text_("nib", { inputMode: "numeric", hint: t("hints.nib") })}
          {text_("npwp", { hint: t("hints.npwp") })}
          <SelectField
            id="sector"
            label={t("fields.sector")}
            error={err("sector")}
            options={[{ value: "", label: t("chooseSector") }, ...SECTOR_KEYS.map((s) => ({ value: s, label: ts(s) }))]}
            {...register("sector")}
          />
          {text_("city", { autoComplete: "address-level2" })}
          {text_("yearsOperating", { inputMode: "numeric" })}
          {text_("employees", { inputMode: "numeric" })}
        </>
      ) : null}
      {step === "financials" ? (
        <>
          {money("monthlyRevenue")}
          {money("monthlyExpenses")}
          {money("existingLoans")}
          {text_("otherPlatforms", { inputMode: "numeric", hint: t("hints.otherPlatforms") })}
        </>
      ) : null}
      {step === "loan" ? (
        <>
          <SelectField
            id="productId"
            label={t("fields.productId")}
            error={err("productId")}
            options={[{ value: "", label: t("chooseProduct") }, ...products.map((p) => ({ value: p.id, label: p.name }))]}
            {...register("productId")}
          />
          {money("amount")}
          {product ? (
            <p className="text-sm text-slate-700">
              {t("productRange", {
                min: product.minAmount,
                max: product.maxAmount,
                minTenor: product.minTenor,
                maxTenor: product.maxTenor,
                unit: t(`units.${product.tenorUnit}`),
              })}
            </p>
          ) : null}
          {text_("tenor", { inputMode: "numeric", hint: product ? t(`units.${product.tenorUnit}`) : undefined })}
          <LoanEstimate amount={amount ?? ""} tenor={tenor ?? ""} pricing={product?.pricing} />
          <div className="space-y-1">
            <label htmlFor="purpose" className="block text-sm font-medium text-slate-800">
              {t("fields.purpose")}
            </label>
            <textarea
              id="purpose"
              rows={3}
              aria-invalid={err("purpose") ? true : undefined}
              aria-describedby={err("purpose") ? "purpose-error" : undefined}
              className="block w-full rounded-lg border border-slate-400 bg-white px-3 py-2"
              {...register("purpose")}
            />
            {err("purpose") ? (
              <p id="purpose-error" role="alert" className="text-sm text-red-700">
                {err("purpose")}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveAndContinue")}
      </Button>
    </form>
  );
}
