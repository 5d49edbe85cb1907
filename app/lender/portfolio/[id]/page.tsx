import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ConfirmAction } from "@/components/loans/confirm-action";
import { ScheduleTable } from "@/components/loans/schedule-table";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { Card, Stat } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getLoanForLender } from "@/lib/loans/loan-queries";
import { getOpenRestructureForLender } from "@/lib/loans/restructure-queries";
import { formatRupiah } from "@/lib/money/format";
import { consentToRestructureAction } from "../../consent-actions";

/** A lender's view of one loan they funded: their share, what it returned, the schedule, consents. */
export default async function LenderLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const loan = await getLoanForLender({ ctx, input: { loanId: id } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, tl, format, locale, restructure] = await Promise.all([
    getTranslations("portfolio"),
    getTranslations("loans"),
    getFormatter(),
    getLocale(),
    getOpenRestructureForLender({ ctx, input: { loanId: id } }),
  ]);
  const loc = locale as "en" | "id";
  async function consent() {
    "use server";
    return consentToRestructureAction(restructure!.id);
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <LoanStatusBadge status={loan.status} />
      </div>
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("invested")} value={formatRupiah(loan.invested, loc)} />
          <Stat label={t("received")} value={formatRupiah(loan.received.net, loc)} />
          <Stat label={t("serviceFee")} value={formatRupiah(loan.received.serviceFee, loc)} />
          <Stat label={tl("rate")} value={tl("ratePerYear", { rate: (loan.rateBps / 100).toFixed(2) })} />
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          {formatRupiah(loan.principal, loc)} · {loan.subgrade} · {tl(`methods.${loan.method}`)}
        </p>
      </Card>
      {restructure ? (
        <Card title={t("restructureTitle")}>
          <p className="mb-3 text-sm">{t("restructureBody", { tenor: restructure.newTenor, rate: (restructure.newRateBps / 100).toFixed(2), reason: restructure.reason })}</p>
          {restructure.consentedAt ? (
            <p className="text-sm">{t("alreadyConsented", { at: format.dateTime(restructure.consentedAt, { dateStyle: "medium" }) })}</p>
          ) : (
            <ConfirmAction
              label={t("consent")}
              title={t("restructureTitle")}
              body={t("restructureBody", { tenor: restructure.newTenor, rate: (restructure.newRateBps / 100).toFixed(2), reason: restructure.reason })}
              confirmLabel={t("consent")}
              cancelLabel={tl("cancel")}
              successMessage={t("consented")}
              action={consent}
            />
          )}
        </Card>
      ) : null}
      {loan.schedule.length > 0 ? (
        <Card title={tl("schedule")}>
          <ScheduleTable rows={loan.schedule} caption={tl("schedule")} />
        </Card>
      ) : null}
    </div>
  );
}
