"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

import { AdvanceClockInput } from "@/lib/system/schemas";

type Values = AdvanceClockInput;

export function TimeMachineForm({
  action,
}: {
  action: (input: Values) => Promise<{ ok: boolean; error?: string; fields?: Record<string, string> }>;
}) {
  const t = useTranslations("timeMachine");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, start] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(AdvanceClockInput), defaultValues: { amount: 1, unit: "days" } });

  const onSubmit = handleSubmit((values) => {
    start(async () => {
      const result = await action(values);
      if (result.ok) {
        toast.success(t("moved"));
        router.refresh();
      } else {
        for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof Values, { message: m });
        if (result.error && !result.fields) toast.error(te.has(result.error) ? te(result.error) : te("unexpected"));
      }
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-3 sm:items-end">
      <TextField
        id="amount"
        label={t("amount")}
        type="number"
        inputMode="numeric"
        min={1}
        error={errors.amount?.message ? (tv.has(errors.amount.message) ? tv(errors.amount.message) : errors.amount.message) : undefined}
        {...register("amount")}
      />
      <SelectField
        id="unit"
        label={t("unit")}
        options={[
          { value: "hours", label: t("hours") },
          { value: "days", label: t("days") },
        ]}
        {...register("unit")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("moving") : t("advance")}
      </Button>
    </form>
  );
}
