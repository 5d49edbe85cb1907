"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { GOLD_BARS } from "@/lib/gold/schemas";
import { formatPercent, toDisplayLocale } from "@/lib/money/format";
import { percentToBps } from "@/lib/money/percent";
import { RupiahField } from "./rupiah-field";
import type { ActionResult } from "./types";

type Values = { basePerGram: string; spreadBps: string; usdIdrRate: string; withdrawalFees: Record<string, string>; leadTimeDays: Record<string, string> };

/**
 * Base price per gram, spread (basis points, shown as a percentage too), the USD→IDR rate, and the
 * printing fee and lead time of each bar size (what lenders see before they ask for bars).
 */
export function AdminGoldSettingsForm({ initial, action }: { initial: Values; action: (input: Values) => Promise<ActionResult> }) {
  const t = useTranslations("adminGold");
  const locale = toDisplayLocale(useLocale());
  const text = useErrorText();
  const router = useRouter();
  const [values, setValues] = useState<Values>(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const set = (k: keyof Values) => (digits: string) => setValues((v) => ({ ...v, [k]: digits }));
  const bps = percentToBps(values.spreadBps);
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
            setFormError(text.form(result.error, result.message, result.details));
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
          hint={bps === null ? t("spreadHint") : t("spreadAsPercent", { percent: formatPercent(bps, locale, { minFraction: 0, sign: false }) })}
          inputMode="decimal"
          value={values.spreadBps}
          onChange={(e) => setValues((v) => ({ ...v, spreadBps: e.target.value.replace(/[^\d.,]/g, "") }))}
          error={text.field(fields.spreadBps)}
        />
        <RupiahField id="gold-usd-idr" label={t("usdIdrRate")} hint={t("usdIdrRateHint")} value={values.usdIdrRate} onChange={set("usdIdrRate")} error={text.field(fields.usdIdrRate)} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("barFeesTitle")}</legend>
        <p className="text-xs text-slate-600">{t("barFeesHelp")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {GOLD_BARS.map((bar) => (
            <div key={bar} className="grid grid-cols-2 gap-2">
              <RupiahField
                id={`gold-fee-${bar}`}
                label={t("barFee", { bar })}
                value={values.withdrawalFees[String(bar)] ?? ""}
                onChange={(digits) => setValues((v) => ({ ...v, withdrawalFees: { ...v.withdrawalFees, [String(bar)]: digits } }))}
                error={text.field(fields[`withdrawalFees.${bar}`])}
              />
              <TextField
                id={`gold-lead-${bar}`}
                label={t("barLeadTime", { bar })}
                inputMode="numeric"
                value={values.leadTimeDays[String(bar)] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, leadTimeDays: { ...v.leadTimeDays, [String(bar)]: e.target.value.replace(/\D/g, "") } }))}
                error={text.field(fields[`leadTimeDays.${bar}`])}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("saveSettings")}
      </Button>
    </form>
  );
}
