"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/money/use-format";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

import { AdvanceClockInput } from "@/lib/system/schemas";

type Values = AdvanceClockInput;

const UNIT_MS = { hours: 3_600_000, days: 86_400_000 } as const;

/**
 * Moves the demo clock. Guards against the two ways one jump became another: the amount is shown
 * back as the jump it will make and the date it lands on before anything is sent (a "1" left in the
 * field and "24" typed after it reads "124 days"), the field's text is selected on focus so typing
 * replaces it, and a submit carries a request id that the server applies once, while a second
 * submit during the first is ignored here as well.
 */
export function TimeMachineForm({
  action,
  nowIso,
}: {
  action: (input: Values) => Promise<{ ok: boolean; error?: string; fields?: Record<string, string> }>;
  nowIso?: string;
}) {
  const t = useTranslations("timeMachine");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const format = useFormat();
  const router = useRouter();
  const [pending, start] = useTransition();
  const inFlight = useRef(false);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(AdvanceClockInput), defaultValues: { amount: 1, unit: "days" } });
  const [rawAmount, unit] = useWatch({ control, name: ["amount", "unit"] });
  const parsed = AdvanceClockInput.safeParse({ amount: rawAmount, unit });
  const landsAt = parsed.success && nowIso ? new Date(Date.parse(nowIso) + parsed.data.amount * UNIT_MS[parsed.data.unit]) : null;

  const submit = (values: Values) =>
    new Promise<void>((resolve) =>
      start(async () => {
        try {
          const result = await action({ ...values, requestId });
          if (result.ok) {
            toast.success(t("moved"));
            setRequestId(crypto.randomUUID());
            router.refresh();
          } else {
            for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof Values, { message: m });
            if (result.error && !result.fields) toast.error(te.has(result.error) ? te(result.error) : te("unexpected"));
          }
        } finally {
          resolve();
        }
      }),
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        // A second submit while the first is still validating or on its way is dropped.
        if (inFlight.current) return;
        inFlight.current = true;
        void handleSubmit(submit)(e).finally(() => {
          inFlight.current = false;
        });
      }}
      noValidate className="space-y-3" aria-busy={pending}>
      <div className="grid gap-4 sm:grid-cols-3 sm:items-end">
        <TextField
          id="amount"
          label={t("amount")}
          type="number"
          inputMode="numeric"
          min={1}
          onFocus={(e) => e.currentTarget.select()}
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
      </div>
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="jump-preview">
        {parsed.success
          ? t("preview", {
              jump: t(parsed.data.unit === "hours" ? "jumpHours" : "jumpDays", { count: parsed.data.amount }),
              at: landsAt ? format.dateTime(landsAt, { month: "long" }) : "",
            })
          : ""}
      </p>
    </form>
  );
}
