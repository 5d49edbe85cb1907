"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { RupiahField } from "./rupiah-field";
import type { ActionResult } from "./types";

type Values = { basePerGram: string; spreadBps: string; usdIdrRate: string };

/** Base price per gram, spread (basis points, shown as a percentage too) and the USD→IDR rate. */
export function AdminGoldSettingsForm({ initial, action }: { initial: Values; action: (input: Values) => Promise<ActionResult> }) {
  const t = useTranslations("adminGold");
  const text = useErrorText();
  const router = useRouter();
  const [values, setValues] = useState<Values>(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const set = (k: keyof Values) => (digits: string) => setValues((v) => ({ ...v, [k]: digits }));
  const bps = /^\d{1,5}$/.test(values.spreadBps) ? Number(values.spreadBps) : null;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setFields({});
        setFormError(undefined);
        start(async () => {
          const result = await action(values);
          if (result.ok) {
            toast.success(t("settingsSaved"));
            router.refresh();
          } else {
            setFields(result.fields ?? {});
            setFormError(text.form(result.error, result.message));
          }
        });
      }}
    >
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <RupiahField id="gold-base" label={t("basePerGram")} hint={t("basePerGramHint")} value={values.basePerGram} onChange={set("basePerGram")} error={text.field(fields.basePerGram)} />
        <TextField
          id="gold-spread"
          label={t("spreadBps")}
          hint={bps === null ? t("spreadHint") : t("spreadAsPercent", { percent: (bps / 100).toFixed(2) })}
          inputMode="numeric"
          value={values.spreadBps}
          onChange={(e) => setValues((v) => ({ ...v, spreadBps: e.target.value.replace(/\D/g, "") }))}
          error={text.field(fields.spreadBps)}
        />
        <RupiahField id="gold-usd-idr" label={t("usdIdrRate")} hint={t("usdIdrRateHint")} value={values.usdIdrRate} onChange={set("usdIdrRate")} error={text.field(fields.usdIdrRate)} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("saveSettings")}
      </Button>
    </form>
  );
}
