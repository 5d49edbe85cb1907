"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { get, useForm, type FieldValues } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { CreateLoanProductInput, PRODUCT_METHODS, PRODUCT_TENOR_UNITS, UpdateLoanProductInput } from "@/lib/loans/schemas";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };
const NUMBER_FIELDS = ["minAmount", "maxAmount", "minTenor", "maxTenor", "platformFeeBps", "lateFeeDailyPpm", "serviceFeeBps", "minInvestment", "investmentStep", "fundingWindowDays", "holdbackBps"] as const;
/** Typed as percentages ("13.5" or "13,5"); the shared schema turns them into bps / ppm exactly. */
const PERCENT_FIELDS: ReadonlySet<string> = new Set(["platformFeeBps", "lateFeeDailyPpm", "serviceFeeBps", "holdbackBps"]);
const GRADES = ["A", "B", "C", "D", "E"] as const;

/**
 * Edit one product's terms; loans already approved keep their own copy. With `create`, a new product:
 * also its code, tenor unit and repayment method (fixed after that), and the form empties when saved.
 */
export function ProductForm({ initial, action, create = false }: { initial: Record<string, unknown>; action: (input: unknown) => Promise<Result>; create?: boolean }) {
  const tc = useTranslations("productCreate");
  const t = useTranslations("products");
  const text = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState, reset } = useForm<FieldValues>({
    resolver: zodResolver((create ? CreateLoanProductInput : UpdateLoanProductInput) as never, undefined, { raw: true }),
    defaultValues: initial,
  });
  const pid = create ? "new-product" : String(initial.productId);
  const err = (k: string) => text.field((get(formState.errors, k) as { message?: string } | undefined)?.message);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit((values) =>
        start(async () => {
          setFormError(undefined);
          const result = await action({ ...values, active: Boolean(values.active) });
          if (result.ok) {
            toast.success(create ? tc("created") : t("saved"));
            if (create) reset(initial);
            router.refresh();
          } else {
            for (const [f, m] of Object.entries(result.fields ?? {})) setError(f, { message: m });
            setFormError(text.form(result.error, result.message, result.details));
          }
        }),
      )}
    >
      <FormError message={formError} />
      {create ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField id={`${pid}-code`} label={tc("code")} hint={tc("codeHint")} autoCapitalize="none" spellCheck={false} error={err("code")} {...register("code")} />
          <SelectField id={`${pid}-tenorUnit`} label={tc("tenorUnit")} error={err("tenorUnit")} options={PRODUCT_TENOR_UNITS.map((u) => ({ value: u, label: tc(`tenorUnits.${u}`) }))} {...register("tenorUnit")} />
          <SelectField id={`${pid}-method`} label={tc("method")} error={err("method")} options={PRODUCT_METHODS.map((m) => ({ value: m, label: tc(`methods.${m}`) }))} {...register("method")} />
        </div>
      ) : null}
      <TextField id={`${pid}-name`} label={t("fields.name")} error={err("name")} {...register("name")} />
      <div className="grid gap-3 sm:grid-cols-3">
        {NUMBER_FIELDS.map((f) => (
          <TextField key={f} id={`${pid}-${f}`} label={t(`fields.${f}`)} inputMode={PERCENT_FIELDS.has(f) ? "decimal" : "numeric"} error={err(f)} {...register(f)} />
        ))}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("rateBands")}</legend>
        <div className="grid gap-3 sm:grid-cols-5">
          {GRADES.map((g) => (
            <div key={g} className="space-y-2">
              <TextField id={`${pid}-${g}-min`} label={t("bandMin", { grade: g })} inputMode="decimal" error={err(`rateBands.${g}.minRateBps`)} {...register(`rateBands.${g}.minRateBps`)} />
              <TextField id={`${pid}-${g}-max`} label={t("bandMax", { grade: g })} inputMode="decimal" error={err(`rateBands.${g}.maxRateBps`)} {...register(`rateBands.${g}.maxRateBps`)} />
            </div>
          ))}
        </div>
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" {...register("active")} /> {t("fields.active")}
      </label>
      <Button type="submit" disabled={pending}>
        {create ? tc("submit") : t("save")}
      </Button>
    </form>
  );
}
