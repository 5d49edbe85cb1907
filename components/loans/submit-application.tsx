"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; message?: string; details?: Record<string, unknown> };

/** One part of what will be submitted: its rows (label, value) and where to change it. */
export type ReviewSection = { key: string; title: string; editHref: string; rows: [string, string][] };

/** The review step: everything that will be submitted, section by section (documents included), then Submit. */
export function SubmitApplication({
  applicationId,
  ready,
  sections,
  extra,
  action,
}: {
  applicationId: string;
  ready: boolean;
  sections: ReviewSection[];
  extra?: ReactNode;
  action: (applicationId: string) => Promise<Result>;
}) {
  const t = useTranslations("apply");
  const text = useErrorText();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("review.intro")}</p>
      <p className="text-sm text-slate-700">{t("reviewAll.intro")}</p>
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`review-${section.key}`} className="space-y-2 border-t border-slate-200 pt-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`review-${section.key}`} className="text-base font-semibold text-slate-900">
              {section.title}
            </h3>
            <Link href={section.editHref} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
              {t("reviewAll.edit", { section: section.title })}
            </Link>
          </div>
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            {section.rows.map(([k, v]) => (
              <div key={k} className="min-w-0">
                <dt className="text-slate-600">{k}</dt>
                <dd className="break-words font-medium">{v || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {extra}
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
