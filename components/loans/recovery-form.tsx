"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

/** A recovery collected on a written-off loan, distributed to its lenders like a repayment. */
export function RecoveryForm({ loanId, action }: { loanId: string; action: (input: { loanId: string; amount: string; idempotencyKey: string }) => Promise<Result> }) {
  const t = useTranslations("adminLoans");
  const text = useErrorText();
  const router = useRouter();
  const [amount, setAmount] = useState("");
  const [key] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await action({ loanId, amount, idempotencyKey: `${key}:${amount}` });
          if (result.ok) {
            toast.success(t("recovered"));
            setAmount("");
            router.refresh();
          } else setError(text.field(result.fields?.amount, result.details) ?? text.form(result.error, result.message, result.details));
        });
      }}
    >
      <RupiahInput id="recovery-amount" label={t("recoveryAmount")} value={amount} error={error} onChange={(e) => setAmount(e.target.value)} />
      <Button type="submit" disabled={pending || !amount}>
        {t("recordRecovery")}
      </Button>
    </form>
  );
}
