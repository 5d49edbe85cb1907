"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import type { KycStep } from "@/lib/kyc/schemas";
import { KycProgress } from "./kyc-progress";
import { KycStepForm, type KycActionResult } from "./kyc-step-form";
import { StepValues, type StepFile } from "./step-values";

export type WizardStep = {
  step: KycStep;
  status: "pending" | "completed" | "approved" | "rejected";
  reason: string | null;
  values: Record<string, unknown>;
  files: StepFile[];
};

/**
 * The lender's verification: the progress indicator, one form per step (opening at the step where
 * they stopped) and a review step that submits. Approved steps are read-only after a rejection.
 */
export function KycWizard({
  steps,
  currentStep,
  completed,
  saveAction,
  submitAction,
}: {
  steps: WizardStep[];
  currentStep: string | null;
  completed: number;
  saveAction: (form: FormData) => Promise<KycActionResult>;
  submitAction: () => Promise<KycActionResult>;
}) {
  const t = useTranslations("kyc");
  const text = useErrorText();
  const router = useRouter();
  const [active, setActive] = useState<string>(currentStep ?? "review");
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const shown = steps.find((s) => s.step === active);
  const reachable = (step: string) => {
    if (step === "review") return currentStep === null;
    const s = steps.find((x) => x.step === step);
    return Boolean(s && (s.status !== "pending" || step === currentStep));
  };

  const submit = () =>
    start(async () => {
      setFormError(undefined);
      const result = await submitAction();
      if (result.ok) {
        toast.success(t("submitted"));
        router.refresh();
      } else setFormError(text.form(result.error, result.message, result.details));
    });

  return (
    <div className="space-y-6">
      <KycProgress steps={steps} active={active} completed={completed} canOpen={reachable} onOpen={setActive} />
      <Card>
        <h2 id="kyc-step-title" className="mb-1 text-lg font-semibold text-slate-900">
          {t(`steps.${active}` as never)}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t(`stepHints.${active}` as never)}</p>
        {shown?.status === "rejected" && shown.reason ? (
          <div role="alert" className="mb-4 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            <strong>{t("whatToFix")}:</strong> {shown.reason}
          </div>
        ) : null}
        {active === "review" ? (
          <div className="space-y-4">
            <FormError message={formError} />
            <ul className="divide-y divide-slate-200">
              {steps.map((s) => (
                <li key={s.step} className="space-y-2 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">{t(`steps.${s.step}` as never)}</h3>
                    {s.status !== "approved" ? (
                      <Button variant="ghost" onClick={() => setActive(s.step)} aria-label={t("edit", { step: t(`steps.${s.step}` as never) })}>
                        {t("editShort")}
                      </Button>
                    ) : null}
                  </div>
                  <StepValues data={s} />
                </li>
              ))}
            </ul>
            <Button onClick={submit} disabled={pending}>
              {pending ? t("submitting") : t("submit")}
            </Button>
          </div>
        ) : shown?.status === "approved" ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{t("lockedStep")}</p>
            <StepValues data={shown} />
          </div>
        ) : shown ? (
          <KycStepForm
            key={active}
            step={shown.step}
            values={shown.values}
            uploaded={shown.files.map((f) => f.field)}
            action={saveAction}
            onSaved={(next) => {
              setActive(next);
              router.refresh();
            }}
          />
        ) : null}
      </Card>
    </div>
  );
}
