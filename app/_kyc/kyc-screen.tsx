import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { KycProgress } from "@/components/kyc/kyc-progress";
import { KycWizard } from "@/components/kyc/kyc-wizard";
import { StepValues } from "@/components/kyc/step-values";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { getMyKyc } from "@/lib/kyc";
import { saveKycStepAction, submitKycAction } from "./actions";

export const kycStatusTone = { draft: "neutral", submitted: "warning", approved: "success", rejected: "danger" } as const;

/** The verification page (lender e-KYC; the borrower's KYB page can reuse it). */
export async function KycScreen({ riskHref }: { riskHref?: string }) {
  const ctx = await getRequestCtx();
  const [t, format, kyc] = await Promise.all([getTranslations("kyc"), getFormat(), getMyKyc({ ctx })]);
  const rejectedSteps = kyc.steps.filter((s) => s.status === "rejected");
  const editable = kyc.status === "draft" || kyc.status === "rejected";
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <Badge tone={kycStatusTone[kyc.status]}>{t(`status.${kyc.status}`)}</Badge>
        </div>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {kyc.status === "submitted" && kyc.submittedAt ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("submittedNotice", { date: format.dateTime(kyc.submittedAt) })}
        </p>
      ) : null}
      {kyc.status === "approved" ? (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <p>{t("approvedNotice")}</p>
          {riskHref ? (
            <Link className={buttonClass("secondary")} href={riskHref}>
              {t("goToRiskCheck")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {kyc.status === "rejected" ? (
        <section aria-labelledby="kyc-fix-title" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p>{t("rejectedNotice")}</p>
          <h2 id="kyc-fix-title" className="mt-2 font-semibold">
            {t("whatToFix")}
          </h2>
          <ul className="list-disc pl-5">
            {rejectedSteps.map((s) => (
              <li key={s.step}>
                <strong>{t(`steps.${s.step}`)}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {editable ? (
        <KycWizard
          steps={kyc.steps.map((s) => ({ step: s.step, status: s.status, reason: s.reason, values: s.values, files: s.files }))}
          currentStep={kyc.currentStep}
          completed={kyc.completed}
          saveAction={saveKycStepAction}
          submitAction={submitKycAction}
        />
      ) : (
        <>
          <KycProgress steps={kyc.steps.map((s) => ({ step: s.step, status: s.status }))} active={null} completed={kyc.completed} />
          <Card>
            <ul className="divide-y divide-slate-200">
              {kyc.steps.map((s) => (
                <li key={s.step} className="space-y-2 py-3">
                  <h2 className="font-semibold">{t(`steps.${s.step}`)}</h2>
                  <StepValues data={s} />
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}
