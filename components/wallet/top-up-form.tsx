"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormError, SelectField } from "@/components/ui/field";
import { BANKS, RequestTopUpInput } from "@/lib/payments/schemas";
import { RupiahInput } from "./rupiah-input";
import { useErrorText } from "./use-messages";

type Values = { method: "va" | "qris"; bank?: string; amount: string };
type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

export function TopUpForm({ action }: { action: (input: Values) => Promise<Result> }) {
  const t = useTranslations("wallet");
  const text = useErrorText();
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(RequestTopUpInput as never, undefined, { raw: true }),
    defaultValues: { method: "va", bank: "BCA", amount: "" },
  });
  const method = useWatch({ control, name: "method" });
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(undefined);
      const input = values.method === "va" ? values : { method: values.method, amount: values.amount };
      const result = await action(input);
      if (result && !result.ok) {
        for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof Values, { message: m });
        setFormError(text.form(result.error, result.message, result.details));
      }
    }),
  );
  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("method")}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="va" {...register("method")} /> {t("methodVa")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="qris" {...register("method")} /> {t("methodQris")}
          </label>
        </div>
      </fieldset>
      {method === "va" ? (
        <SelectField
          id="topup-bank"
          label={t("bank")}
          error={text.field(errors.bank?.message)}
          options={BANKS.map((b) => ({ value: b.code, label: b.name }))}
          {...register("bank")}
        />
      ) : null}
      <Controller
        control={control}
        name="amount"
        render={({ field }) => (
          <RupiahInput pays id="topup-amount" label={t("amount")} hint={t("amountHint")} error={text.field(errors.amount?.message)} {...field} />
        )}
      />
      <Button type="submit" disabled={pending} data-track="topup_create">
        {pending ? t("creatingTopUp") : t("createTopUp")}
      </Button>
    </form>
  );
}
