"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { AnswerRiskQuizInput, RISK_QUESTIONS } from "@/lib/lending/schemas";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; passed?: boolean; wrong?: string[]; details?: Record<string, unknown> };

/** The understanding check: one radio group per question; a wrong answer shows why and asks again. */
export function RiskQuiz({ action }: { action: (input: unknown) => Promise<Result> }) {
  const t = useTranslations("risk");
  const text = useErrorText();
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [wrong, setWrong] = useState<string[]>([]);
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    const parsed = AnswerRiskQuizInput.safeParse(answers);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFieldErrors({});
    start(async () => {
      const result = await action(answers);
      if (!result.ok) {
        setFieldErrors(result.fields ?? {});
        setFormError(text.form(result.error, result.message, result.details));
      } else if (result.passed) {
        setWrong([]);
        toast.success(t("passedToast"));
        router.refresh();
      } else setWrong(result.wrong ?? []);
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <FormError message={formError} />
      {wrong.length > 0 ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("wrongTitle")}
        </p>
      ) : null}
      {RISK_QUESTIONS.map((q, i) => {
        const err = fieldErrors[q.id];
        const isWrong = wrong.includes(q.id);
        return (
          <fieldset key={q.id} className="space-y-2" aria-describedby={isWrong ? `q-${q.id}-why` : err ? `q-${q.id}-error` : undefined}>
            <legend className="font-semibold text-slate-900">
              {i + 1}. {t(`questions.${q.id}.prompt`)}
            </legend>
            {q.options.map((o) => (
              <label key={o} className="flex min-h-11 items-center gap-3 rounded-lg px-2 text-sm ring-1 ring-slate-200 hover:bg-slate-50">
                <input
                  type="radio"
                  name={q.id}
                  value={o}
                  className="size-5"
                  checked={answers[q.id] === o}
                  onChange={() => {
                    setAnswers((a) => ({ ...a, [q.id]: o }));
                    setWrong((w) => w.filter((x) => x !== q.id));
                  }}
                />
                {t(`questions.${q.id}.options.${o}` as never)}
              </label>
            ))}
            {err ? (
              <p id={`q-${q.id}-error`} role="alert" className="text-sm text-red-700">
                {text.field(err)}
              </p>
            ) : null}
            {isWrong ? (
              <p id={`q-${q.id}-why`} className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
                <strong>{t("wrong")}</strong> {t(`questions.${q.id}.explanation`)}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <Button type="submit" disabled={pending}>
        {pending ? t("checking") : t("check")}
      </Button>
    </form>
  );
}
