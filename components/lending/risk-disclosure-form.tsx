"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { AcceptRiskDisclosureInput, RISK_DISCLOSURE_VERSION } from "@/lib/lending/schemas";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

export function RiskDisclosureForm({ action }: { action: (input: unknown) => Promise<Result> }) {
  const t = useTranslations("risk");
  const text = useErrorText();
  const router = useRouter();
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input = { version: RISK_DISCLOSURE_VERSION, accepted: checked };
    const parsed = AcceptRiskDisclosureInput.safeParse(input);
    if (!parsed.success) {
      setError(text.field(parsed.error.issues[0]?.message));
      return;
    }
    start(async () => {
      const result = await action(input);
      if (result.ok) router.refresh();
      else setError(text.field(Object.values(result.fields ?? {})[0], result.details) ?? text.form(result.error, result.message, result.details));
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <FormError message={error} />
      <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
        <input type="checkbox" className="size-5" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
        {t("acceptLabel")}
      </label>
      <Button type="submit" disabled={pending}>
        {t("accept")}
      </Button>
    </form>
  );
}
