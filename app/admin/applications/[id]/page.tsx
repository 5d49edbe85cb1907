import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { ApproveForm } from "@/components/loans/approve-form";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { TextActionForm } from "@/components/loans/text-action-form";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getApplicationForAdmin } from "@/lib/loans/application-queries";
import { SUBGRADES } from "@/lib/loans/grades";
import { factorName, factorValue, sectorName, tenorText, reasonText } from "@/lib/loans/words";
import { formatRupiah } from "@/lib/money/format";
import { bpsToPercentInput } from "@/lib/money/percent";
import { approveApplicationAction, askForInformationAction, rejectApplicationAction } from "../../loan-actions";

type Breakdown = { factor: string; value: string | number; points: number; reason: string }[];

export default async function AdminApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const app = await getApplicationForAdmin({ ctx, input: { applicationId: id } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, ta, words, ts, format, locale] = await Promise.all([getTranslations("adminLoans"), getTranslations("apply"), getTranslations("words"), getTranslations("sectors"), getFormat(), getLocale()]);
  const loc = locale as "en" | "id";
  const business = (app.business ?? {}) as Record<string, unknown>;
  const financials = (app.financials ?? {}) as Record<string, unknown>;
  const scorecard = (app.scorecard ?? {}) as { score?: number; breakdown?: Breakdown };
  const pending = app.status === "in_review" || app.status === "needs_info";
  async function reject(reason: string) {
    "use server";
    return rejectApplicationAction(id, reason);
  }
  async function ask(question: string) {
    "use server";
    return askForInformationAction(id, question);
  }
  const money = (v: unknown) => (v === undefined || v === null || v === "" ? "—" : formatRupiah(BigInt(String(v)), loc));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("detailTitle", { code: app.id.slice(0, 8).toUpperCase() })}</h1>
        <LoanStatusBadge status={app.status} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("business")}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            {["legalName", "nib", "npwp", "sector", "city", "yearsOperating", "employees"].map((k) => (
              <div key={k}>
                <dt className="text-slate-600">{ta(`fields.${k}`)}</dt>
                <dd className="font-medium break-words">{k === "sector" && typeof business[k] === "string" ? sectorName(ts, business[k]) : String(business[k] ?? "—")}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("financials")}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            {["monthlyRevenue", "monthlyExpenses", "existingLoans"].map((k) => (
              <div key={k}>
                <dt className="text-slate-600">{ta(`fields.${k}`)}</dt>
                <dd className="font-medium">{money(financials[k])}</dd>
              </div>
            ))}
            <div>
              <dt className="text-slate-600">{ta("fields.otherPlatforms")}</dt>
              <dd className="font-medium">{String(financials.otherPlatforms ?? "—")}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("loan")}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <div><dt className="text-slate-600">{ta("fields.productId")}</dt><dd className="font-medium">{app.product?.name ?? "—"}</dd></div>
            <div><dt className="text-slate-600">{ta("fields.amount")}</dt><dd className="font-medium">{app.amount ? formatRupiah(app.amount, loc) : "—"}</dd></div>
            <div><dt className="text-slate-600">{ta("fields.tenor")}</dt><dd className="font-medium">{app.tenor && app.product ? tenorText(words, app.tenor, app.product.tenorUnit) : (app.tenor ?? "—")}</dd></div>
            <div><dt className="text-slate-600">{t("grade")}</dt><dd className="font-medium">{app.subgrade ?? "—"} {app.rateBps ? `· ${format.percent(app.rateBps)}` : ""}</dd></div>
          </dl>
          <p className="mt-2 text-sm">{app.purpose}</p>
        </Card>
        <Card title={t("documents")}>
          {app.documents.length === 0 ? (
            <p className="text-sm">—</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {app.documents.map((d) => (
                <li key={d.id}>
                  <a href={`/api/v1/loans/documents/${d.id}`} target="_blank" rel="noreferrer" className="text-brand-700 underline">
                    {ta(`documents.${d.kind}`)}: {d.fileName}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t("scorecard")}>
        {scorecard.breakdown ? (
          <>
            <p className="mb-2 text-sm font-semibold">{t("totalScore", { score: scorecard.score ?? 0, grade: app.subgrade ?? "—" })}</p>
            <div className="overflow-x-auto" role="region" aria-label={t("scorecard")} tabIndex={0}>
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="text-slate-600">
                    <th scope="col">{t("factor")}</th>
                    <th scope="col">{t("value")}</th>
                    <th scope="col" className="text-right">{t("points")}</th>
                    <th scope="col">{t("reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {scorecard.breakdown.map((b) => (
                    <tr key={b.factor} className="border-t border-slate-200">
                      <td className="py-1">{factorName(words, b.factor)}</td>
                      <td className="py-1">{factorValue(words, ts, b.factor, String(b.value))}</td>
                      <td className="py-1 text-right">{b.points}</td>
                      <td className="py-1">{reasonText(words, b.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="text-sm">—</p>
        )}
      </Card>
      {app.loan ? (
        <p>
          <a href={`/admin/loans/${app.loan.id}`} className="font-semibold text-brand-700 underline">
            {t("viewLoan")}
          </a>
        </p>
      ) : null}
      {app.questions.length > 0 ? (
        <Card title={t("ask")}>
          <ul className="space-y-2 text-sm">
            {app.questions.map((q) => (
              <li key={q.id}>
                <p className="font-medium">{q.question}</p>
                <p className="text-slate-600">{format.dateTime(q.askedAt)}</p>
                {q.answer ? <p>{t("answerFrom", { answer: q.answer })}</p> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {pending ? (
        <div className="grid gap-4 md:grid-cols-3">
          <Card title={t("approveTitle")}>
            <ApproveForm applicationId={app.id} subgrades={[...SUBGRADES]} initial={{ subgrade: app.subgrade ?? "C3", rateBps: app.rateBps ? bpsToPercentInput(app.rateBps) : "" }} action={approveApplicationAction} />
          </Card>
          <Card title={t("rejectTitle")}>
            <TextActionForm label={t("rejectReason")} submitLabel={t("reject")} successMessage={t("rejected")} field="reason" action={reject} variant="danger" />
          </Card>
          <Card title={t("askTitle")}>
            <TextActionForm label={t("question")} submitLabel={t("ask")} successMessage={t("asked")} field="question" action={ask} variant="secondary" />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
