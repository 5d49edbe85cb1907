import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { RiskDisclosureForm } from "@/components/lending/risk-disclosure-form";
import { RiskQuiz } from "@/components/lending/risk-quiz";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { getMyKyc } from "@/lib/kyc";
import { getMyRiskStatus } from "@/lib/lending";
import { acceptRiskDisclosureAction, answerRiskQuizAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("risk");
  return { title: t("title") };
}

const PARAGRAPHS = ["p1", "p2", "p3", "p4"] as const;

export default async function RiskPage() {
  const ctx = await getRequestCtx();
  const [t, format, status, kyc] = await Promise.all([getTranslations("risk"), getFormat(), getMyRiskStatus({ ctx }), getMyKyc({ ctx })]);
  const when = (d: Date) => format.dateTime(d);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {kyc.status !== "approved" ? <p className="text-sm text-slate-600">{t("kycFirst")}</p> : null}
      </div>
      <Card title={t("disclosureTitle", { version: status.version })}>
        <div className="space-y-2 text-sm text-slate-800">
          {PARAGRAPHS.map((p) => (
            <p key={p}>{t(`disclosure.${p}`)}</p>
          ))}
        </div>
        <div className="mt-4">
          {status.disclosureAcceptedAt ? (
            <p className="text-sm font-medium text-emerald-800">{t("accepted", { date: when(status.disclosureAcceptedAt) })}</p>
          ) : (
            <RiskDisclosureForm action={acceptRiskDisclosureAction} />
          )}
        </div>
      </Card>
      {status.disclosureAcceptedAt ? (
        <Card title={t("quizTitle")}>
          {status.quizPassedAt ? (
            <p role="status" className="text-sm font-medium text-emerald-800">
              {t("passed", { date: when(status.quizPassedAt) })}
            </p>
          ) : (
            <>
              <p className="mb-4 text-sm text-slate-700">{t("quizIntro")}</p>
              <RiskQuiz action={answerRiskQuizAction} />
            </>
          )}
        </Card>
      ) : null}
    </div>
  );
}
