"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

export function RestructureForm({ loanId, action }: { loanId: string; action: (input: unknown) => Promise<Result> }) {
  const t = useTranslations("adminLoans");
  const text = useErrorText();
  const router = useRouter();
  const [v, setV] = useState({ newTenor: "", newRateBps: "", reason: "" });
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await action({ loanId, ...v });
          if (result.ok) {
            toast.success(t("restructureProposed"));
            router.refresh();
          } else setError(text.form(result.error, result.message, result.details) ?? text.field(Object.values(result.fields ?? {})[0], result.details));
        });
      }}
    >
      <FormError message={error} />
      <TextField id="rs-tenor" label={t("newTenor")} inputMode="numeric" value={v.newTenor} onChange={(e) => setV({ ...v, newTenor: e.target.value })} />
      <TextField id="rs-rate" label={t("newRateBps")} inputMode="decimal" value={v.newRateBps} onChange={(e) => setV({ ...v, newRateBps: e.target.value })} />
      <TextField id="rs-reason" label={t("restructureReason")} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("propose")}
      </Button>
    </form>
  );
}
