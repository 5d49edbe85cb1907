"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; message?: string; details?: Record<string, unknown> };

export function SubmitApplication({
  applicationId,
  ready,
  summary,
  action,
}: {
  applicationId: string;
  ready: boolean;
  summary: [string, string][];
  action: (applicationId: string) => Promise<Result>;
}) {
  const t = useTranslations("apply");
  const text = useErrorText();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("review.intro")}</p>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        {summary.map(([k, v]) => (
          <div key={k}>
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-medium">{v || "—"}</dd>
          </div>
        ))}
      </dl>
      <FormError message={error ?? (ready ? undefined : t("review.missing"))} />
      <Button
        disabled={pending || !ready}
        onClick={() =>
          start(async () => {
            const result = await action(applicationId);
            if (result && !result.ok) setError(text.form(result.error, result.message, result.details));
          })
        }
      >
        {pending ? t("review.submitting") : t("review.submit")}
      </Button>
    </div>
  );
}
