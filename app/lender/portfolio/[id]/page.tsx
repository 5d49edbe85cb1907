import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { ConfirmAction } from "@/components/loans/confirm-action";
import { LoanStatusHelp } from "@/components/loans/loan-status-help";
import { ScheduleTable } from "@/components/loans/schedule-table";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { Card, Stat } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getLoanForLender } from "@/lib/loans/loan-queries";
import { getOpenRestructureForLender } from "@/lib/loans/restructure-queries";
import { loanName } from "@/lib/loans/words";
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
    getFormat(),
    getLocale(),
    getOpenRestructureForLender({ ctx, input: { loanId: id } }),
  ]);
  const loc = locale as "en" | "id";
  const words = await getTranslations("words");
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
      <LoanStatusHelp status={loan.status} daysPastDue={loan.daysPastDue} lateFeeCharged={loan.lateFeeCharged} audience="lender" />
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("invested")} value={formatRupiah(loan.invested, loc)} />
          <Stat label={t("received")} value={formatRupiah(loan.received.net, loc)} />
          <Stat label={t("serviceFee")} value={formatRupiah(loan.received.serviceFee, loc)} />
          <Stat label={tl("rate")} value={tl("ratePerYear", { rate: format.percent(loan.rateBps, { sign: false }) })} />
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          <strong>{loanName(words, loan)}</strong> · {formatRupiah(loan.principal, loc)} · {loan.subgrade} · {tl(`methods.${loan.method}`)}
        </p>
      </Card>
      {restructure ? (
        <Card title={t("restructureTitle")}>
          <p className="mb-3 text-sm">{t("restructureBody", { tenor: restructure.newTenor, rate: format.percent(restructure.newRateBps, { sign: false }), reason: restructure.reason })}</p>
          {restructure.consentedAt ? (
            <p className="text-sm">{t("alreadyConsented", { at: format.date(restructure.consentedAt) })}</p>
          ) : (
            <ConfirmAction
              label={t("consent")}
              title={t("restructureTitle")}
              body={t("restructureBody", { tenor: restructure.newTenor, rate: format.percent(restructure.newRateBps, { sign: false }), reason: restructure.reason })}
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
          <ScheduleTable rows={loan.schedule} caption={tl("schedule")} lateFees={{ charged: loan.lateFeeCharged, paid: loan.lateFeePaid }} />
        </Card>
      ) : null}
    </div>
  );
}
