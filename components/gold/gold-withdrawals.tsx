"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { formatDate, formatRupiah } from "@/lib/money/format";
import { formatGrams } from "@/lib/money/gold";
import { exceedsHoldings, withdrawalTotals } from "@/lib/gold/rules";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult, WithdrawalOptionView, WithdrawalView } from "./types";

export type WithdrawalInput = { barGrams: number; quantity: number; address: string; idempotencyKey: string };

export const WITHDRAWAL_TONES = { requested: "warning", printed: "info", shipped: "info", delivered: "success", cancelled: "neutral" } as const;

/**
 * Physical bars: the fee and lead time are shown with each size before anything is chosen; the
 * request reserves the grams at once, so it is confirmed first.
 */
export function GoldWithdrawals({
  options,
  requests,
  availableUnits,
  canTrade,
  action,
  cancelAction,
}: {
  options: WithdrawalOptionView[];
  requests: WithdrawalView[];
  availableUnits: string;
  canTrade: boolean;
  action: (input: WithdrawalInput) => Promise<ActionResult>;
  cancelAction: (input: { withdrawalId: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("gold");
  const locale = useLocale() as "en" | "id";
  const text = useErrorText();
  const router = useRouter();
  const [bar, setBar] = useState(String(options[0]?.barGrams ?? 1));
  const [quantity, setQuantity] = useState("1");
  const [address, setAddress] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [confirming, setConfirming] = useState<WithdrawalInput | null>(null);
  const [cancelling, setCancelling] = useState<WithdrawalView | null>(null);
  const [pending, start] = useTransition();
  const rp = (s: string | bigint) => formatRupiah(BigInt(s), locale);
  const g = (u: bigint | string) => formatGrams(BigInt(u), locale);
  const option = options.find((o) => String(o.barGrams) === bar);
  const qty = /^\d{1,3}$/.test(quantity) ? Number(quantity) : 0;
  const { units: totalUnits, fee: totalFee } = option ? withdrawalTotals(option.barGrams, qty, BigInt(option.fee)) : { units: 0n, fee: 0n };
  const when = (iso: string) => formatDate(iso, locale);

  const review = (e: React.FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (qty < 1) errors.quantity = "quantityInvalid";
    if (address.trim().length < 10) errors.address = "addressTooShort";
    setFields(errors);
    setFormError(undefined);
    if (Object.keys(errors).length > 0 || !option) return;
    if (exceedsHoldings(totalUnits, BigInt(availableUnits))) return setFormError(t("errors.moreThanHeld"));
    setConfirming({ barGrams: option.barGrams, quantity: qty, address: address.trim(), idempotencyKey: crypto.randomUUID() });
  };

  const submit = () =>
    start(async () => {
      if (!confirming) return;
      const result = await action(confirming);
      setConfirming(null);
      if (result.ok) {
        toast.success(t("withdrawalRequested"));
        setAddress("");
        router.refresh();
      } else {
        setFields(result.fields ?? {});
        setFormError(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : text.form(result.error, result.message, result.details));
      }
    });

  // The lender may cancel only while nothing is printed; the server checks the status again.
  const cancel = () =>
    start(async () => {
      if (!cancelling) return;
      const result = await cancelAction({ withdrawalId: cancelling.id });
      setCancelling(null);
      if (result.ok) {
        toast.success(t("withdrawalCancelled"));
        router.refresh();
      } else {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : text.form(result.error, result.message, result.details));
        router.refresh();
      }
    });

  return (
    <div className="space-y-4">
      {requests.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noWithdrawals")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label={t("withdrawalsListLabel")}>
          {requests.map((w) => (
            <li key={w.id} className="space-y-0.5 py-2 text-sm">
              <p className="font-medium">
                {t("barsLine", { quantity: w.quantity, bar: w.barGrams })} · {g(w.units)} · <Badge tone={WITHDRAWAL_TONES[w.status]}>{t(`withdrawalStatus.${w.status}`)}</Badge>
              </p>
              <p className="text-slate-600">
                {t("requestedOn", { date: when(w.createdAt) })} · {t("feeLine", { fee: rp(w.fee) })}
                {w.cancelReason ? ` · ${t("cancelReasonLine", { reason: w.cancelReason })}` : ""}
              </p>
              {w.status === "requested" ? (
                <Button variant="secondary" className="mt-1" onClick={() => setCancelling(w)} disabled={pending}>
                  {t("cancelWithdrawal", { quantity: w.quantity, bar: w.barGrams })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={review} noValidate className="space-y-3">
        <h3 className="text-sm font-semibold">{t("newWithdrawal")}</h3>
        <FormError message={formError} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id="withdraw-bar"
            label={t("barSize")}
            value={bar}
            onChange={(e) => setBar(e.target.value)}
            options={options.map((o) => ({ value: String(o.barGrams), label: t("barOption", { bar: o.barGrams, fee: rp(o.fee), days: o.leadTimeDays }) }))}
            error={text.field(fields.barGrams)}
          />
          <TextField id="withdraw-quantity" label={t("quantity")} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value.replace(/\D/g, ""))} error={text.field(fields.quantity)} />
        </div>
        <TextAreaField id="withdraw-address" label={t("deliveryAddress")} value={address} onChange={(e) => setAddress(e.target.value)} error={text.field(fields.address)} />
        {option && qty > 0 ? <p className="text-sm text-slate-700">{t("withdrawalSummary", { grams: g(totalUnits), fee: rp(totalFee), days: option.leadTimeDays })}</p> : null}
        <Button type="submit" disabled={pending || !canTrade}>
          {t("reviewWithdrawal")}
        </Button>
      </form>
      <Dialog open={Boolean(confirming)} title={t("confirmWithdrawalTitle")} onClose={() => setConfirming(null)}>
        {confirming && option ? <p className="text-sm">{t("confirmWithdrawalBody", { grams: g(totalUnits), fee: rp(totalFee), days: option.leadTimeDays })}</p> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(null)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button onClick={submit} disabled={pending}>
            {t("confirmWithdrawal")}
          </Button>
        </div>
      </Dialog>
      <ConfirmDialog
        open={Boolean(cancelling)}
        title={t("cancelWithdrawalTitle")}
        confirmLabel={t("cancelWithdrawalConfirm")}
        cancelLabel={t("keepWithdrawal")}
        pending={pending}
        onConfirm={cancel}
        onCancel={() => setCancelling(null)}
      >
        {cancelling ? <p>{t("cancelWithdrawalBody", { grams: g(cancelling.units), fee: rp(cancelling.fee) })}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
