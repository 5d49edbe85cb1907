"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import { useErrorText } from "@/components/wallet/use-messages";
import { formatRupiah } from "@/lib/money/format";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

/** Amount, a confirmation with the summary, then one idempotent invest call. */
export function InvestForm({
  loanId,
  label,
  minimum,
  action,
}: {
  loanId: string;
  label: string;
  minimum: string;
  action: (input: { loanId: string; amount: string; idempotencyKey: string }) => Promise<Result>;
}) {
  const t = useTranslations("market");
  const tw = useTranslations("wallet");
  const tlend = useTranslations("lending");
  const locale = useLocale() as "en" | "id";
  const text = useErrorText();
  const router = useRouter();
  const [amount, setAmount] = useState(minimum);
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const id = `invest-${loanId}`;
  return (
    <div className="space-y-2">
      <RupiahInput pays id={id} label={t("amountFor", { loan: label })} value={amount} error={error} onChange={(e) => setAmount(e.target.value)} />
      <Button
        onClick={() => {
          setError(undefined);
          setKey(crypto.randomUUID());
        }}
        disabled={!amount}
        aria-label={t("investIn", { loan: label })}
        data-track="marketplace_invest"
      >
        {t("invest")}
      </Button>
      <ConfirmDialog
        open={key !== null}
        title={t("confirmTitle")}
        confirmLabel={t("confirm")}
        cancelLabel={tw("cancel")}
        pending={pending}
        onCancel={() => setKey(null)}
        onConfirm={() =>
          start(async () => {
            const result = await action({ loanId, amount, idempotencyKey: key! });
            setKey(null);
            if (result.ok) {
              toast.success(t("invested"));
              router.refresh();
            } else if (result.error === "lender_limit_exceeded" && result.details) {
              // The refusal names the figures: what the outstanding would become and the limit.
              setError(tlend("limitExceeded", text.params(result.details)));
            } else setError(text.field(result.fields?.amount, result.details) ?? text.form(result.error, result.message, result.details));
          })
        }
      >
        {t("confirmBody", { amount: amount ? formatRupiah(BigInt(amount), locale) : "", loan: label })}
      </ConfirmDialog>
    </div>
  );
}
