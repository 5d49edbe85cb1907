import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { TextActionForm } from "@/components/loans/text-action-form";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getApplicationForBorrower } from "@/lib/loans/application-queries";
import { formatRupiah } from "@/lib/money/format";
import { answerQuestionAction } from "../../loan-actions";
import { loanName } from "@/lib/loans/words";

export default async function BorrowerApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const app = await getApplicationForBorrower({ ctx, input: { applicationId: id } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, words, format, locale] = await Promise.all([getTranslations("loans"), getTranslations("words"), getFormat(), getLocale()]);
  const open = app.questions.find((q) => !q.answer);
  async function answer(text: string) {
    "use server";
    return answerQuestionAction({ applicationId: id, answer: text });
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("applicationTitle", { code: app.id.slice(0, 8).toUpperCase() })}</h1>
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("statusCol")}</dt>
            <dd>
              <LoanStatusBadge status={app.status} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("amount")}</dt>
            <dd className="font-semibold">{app.amount ? formatRupiah(app.amount, locale as "en" | "id") : "—"}</dd>
          </div>
          {app.subgrade ? (
            <div>
              <dt className="text-slate-600">{t("grade")}</dt>
              <dd className="font-semibold">
                {app.subgrade}
                {app.rateBps ? ` · ${t("ratePerYear", { rate: format.percent(app.rateBps, { sign: false }) })}` : ""}
              </dd>
            </div>
          ) : null}
        </dl>
        {app.decisionReason ? <p className="mt-3 text-sm">{t("rejectedReason", { reason: app.decisionReason })}</p> : null}
        {app.loan ? (
          <p className="mt-3">
            <Link href={`/borrower/loans/${app.loan.id}`} className="font-semibold text-brand-700 underline">
              {loanName(words, { businessName: app.business.legalName, productName: app.product?.name ?? t("detailTitle", { code: app.loan.id.slice(0, 8).toUpperCase() }) })}
            </Link>
          </p>
        ) : null}
      </Card>
      {app.questions.length > 0 ? (
        <Card title={t("questionTitle")}>
          <ul className="space-y-3 text-sm">
            {app.questions.map((q) => (
              <li key={q.id}>
                <p className="font-medium">{q.question}</p>
                <p className="text-slate-600">{format.dateTime(q.askedAt)}</p>
                {q.answer ? <p className="mt-1">→ {q.answer}</p> : null}
              </li>
            ))}
          </ul>
          {open ? (
            <div className="mt-4">
              <TextActionForm label={t("answer")} submitLabel={t("sendAnswer")} successMessage={t("answerSent")} field="answer" action={answer} />
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
