"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, SelectField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { GOLD_ALERT_KINDS } from "@/lib/gold/schemas";
import { formatDateTime, formatRupiah } from "@/lib/money/format";
import { RupiahField } from "./rupiah-field";
import type { ActionResult, AlertView } from "./types";

export type AlertActions = {
  create: (input: { kind: AlertView["kind"]; thresholdPerGram: string }) => Promise<ActionResult>;
  remove: (input: { alertId: string }) => Promise<ActionResult>;
};

/** "Tell me when the buy price falls below / the sell price rises above X": a form and the list. */
export function PriceAlerts({ alerts, actions }: { alerts: AlertView[]; actions: AlertActions }) {
  const t = useTranslations("gold");
  const locale = useLocale() as "en" | "id";
  const text = useErrorText();
  const router = useRouter();
  const [kind, setKind] = useState<AlertView["kind"]>("buy_below");
  const [threshold, setThreshold] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const rp = (s: string) => formatRupiah(BigInt(s), locale);
  const describe = (a: AlertView) => t(`alertKinds.${a.kind}`, { price: rp(a.thresholdPerGram) });
  const when = (iso: string) => formatDateTime(iso, locale);

  const run = (fn: () => Promise<ActionResult>, success: string, after?: () => void) =>
    start(async () => {
      setFormError(undefined);
      const result = await fn();
      if (result.ok) {
        toast.success(success);
        after?.();
        router.refresh();
      } else {
        setFields(result.fields ?? {});
        setFormError(text.form(result.error, result.message, result.details));
      }
    });

  return (
    <div className="space-y-4">
      {alerts.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noAlerts")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label={t("alertsListLabel")}>
          {alerts.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0 space-y-0.5">
                <p className="font-medium">{describe(a)}</p>
                <p>
                  {a.triggeredAt ? (
                    <Badge tone="info">{t("alertTriggered", { at: when(a.triggeredAt), price: a.triggeredPricePerGram ? rp(a.triggeredPricePerGram) : "—" })}</Badge>
                  ) : (
                    <Badge tone={a.active ? "success" : "neutral"}>{t(a.active ? "alertWatching" : "alertInactive")}</Badge>
                  )}
                </p>
              </div>
              <Button variant="secondary" disabled={pending} aria-label={t("deleteAlertNamed", { alert: describe(a) })} onClick={() => run(() => actions.remove({ alertId: a.id }), t("alertDeleted"))}>
                {t("delete")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          setFields({});
          if (!threshold) return setFields({ thresholdPerGram: "required" });
          run(() => actions.create({ kind, thresholdPerGram: threshold }), t("alertCreated"), () => setThreshold(""));
        }}
      >
        <h3 className="text-sm font-semibold">{t("newAlert")}</h3>
        <FormError message={formError} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id="alert-kind"
            label={t("alertKind")}
            value={kind}
            onChange={(e) => setKind(e.target.value as AlertView["kind"])}
            options={GOLD_ALERT_KINDS.map((k) => ({ value: k, label: t(`alertKindOptions.${k}`) }))}
            error={text.field(fields.kind)}
          />
          <RupiahField id="alert-threshold" label={t("alertThreshold")} value={threshold} onChange={setThreshold} error={text.field(fields.thresholdPerGram)} />
        </div>
        <Button type="submit" disabled={pending}>
          {t("createAlert")}
        </Button>
      </form>
    </div>
  );
}
