import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { ConfirmAction } from "@/components/loans/confirm-action";
import { DueNowLines } from "@/components/loans/due-now-lines";
import { LoanStatusHelp } from "@/components/loans/loan-status-help";
import { PaymentLinkButton } from "@/components/loans/payment-link-button";
import { ScheduleTable } from "@/components/loans/schedule-table";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { Card, Stat } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getLoanAgreement, getLoanForBorrower } from "@/lib/loans/loan-queries";
import { getPayoffQuote } from "@/lib/loans/repay";
import { loanName, tenorText } from "@/lib/loans/words";
import { formatRupiah } from "@/lib/money/format";
import { acceptAgreementAction, createRepaymentLinkAction, payOffEarlyAction, repayFromWalletAction } from "../../loan-actions";

export default async function BorrowerLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const loan = await getLoanForBorrower({ ctx, input: { loanId: id } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, words, format, locale] = await Promise.all([getTranslations("loans"), getTranslations("words"), getFormat(), getLocale()]);
  const loc = locale as "en" | "id";
  const serviced = ["active", "late", "default"].includes(loan.status);
  const [agreement, payoff] = await Promise.all([
    loan.status === "funded" && !loan.agreementAcceptedAt ? getLoanAgreement({ ctx, input: { loanId: id } }) : null,
    serviced ? getPayoffQuote({ ctx, input: { loanId: id } }) : null,
  ]);
  const due = formatRupiah(loan.amountDueNow, loc);
  async function pay(key: string) {
    "use server";
    return repayFromWalletAction(id, key);
  }
  async function payoffNow(key: string) {
    "use server";
    return payOffEarlyAction(id, key);
  }
  async function accept() {
    "use server";
    return acceptAgreementAction(id);
  }
  async function link(method: "va" | "qris") {
    "use server";
    return createRepaymentLinkAction(id, method);
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{loanName(words, loan)}</h1>
        <LoanStatusBadge status={loan.status} />
      </div>
      <LoanStatusHelp status={loan.status} daysPastDue={loan.daysPastDue} lateFeeCharged={loan.lateFeeCharged} audience="borrower" />
      <p className="-mt-4 text-sm text-slate-600">{words("reference", { code: loan.id.slice(0, 8).toUpperCase() })}</p>
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("amount")} value={formatRupiah(loan.principal, loc)} />
          <Stat label={t("rate")} value={t("ratePerYear", { rate: format.percent(loan.rateBps, { sign: false }) })} />
          <Stat label={t("tenor")} value={tenorText(words, loan.tenor, loan.tenorUnit)} />
          <Stat label={t("grade")} value={loan.subgrade} />
        </dl>
        <p className="mt-3 text-sm text-slate-700">{t(`methods.${loan.method}`)}</p>
        {loan.status === "funding" ? (
          <div className="mt-3 space-y-1 text-sm">
            <p>
              {t("funded")}: {t("fundedOf", { funded: formatRupiah(loan.fundedAmount, loc), amount: formatRupiah(loan.principal, loc), pct: loan.fundedPct })}
            </p>
            <div role="progressbar" aria-label={t("funded")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={loan.fundedPct} className="h-2 overflow-hidden rounded-full bg-slate-200">
              <div className="h-full bg-brand-700" style={{ width: `${loan.fundedPct}%` }} />
            </div>
            <p className="text-slate-600">{t("deadline", { at: format.dateTime(loan.fundingDeadline) })}</p>
          </div>
        ) : null}
      </Card>
      {agreement ? (
        <Card title={t("agreementTitle")}>
          <p className="text-sm">
            {t("agreementIntro", { net: formatRupiah(agreement.totals.netDisbursed, loc), fee: formatRupiah(agreement.totals.platformFee, loc) })}
          </p>
          <dl className="my-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <Stat label={t("amount")} value={formatRupiah(agreement.totals.principal, loc)} />
            <Stat label={t("totalCost")} value={formatRupiah(agreement.totals.interest, loc)} />
            <Stat label={t("platformFee")} value={formatRupiah(agreement.totals.platformFee, loc)} />
            <Stat label={t("totalRepayable")} value={formatRupiah(agreement.totals.totalRepayable, loc)} />
          </dl>
          <ConfirmAction
            label={t("accept")}
            title={t("agreementTitle")}
            body={t("agreementIntro", { net: formatRupiah(agreement.totals.netDisbursed, loc), fee: formatRupiah(agreement.totals.platformFee, loc) })}
            confirmLabel={t("accept")}
            cancelLabel={t("cancel")}
            successMessage={t("accepted")}
            action={accept}
          />
        </Card>
      ) : null}
      {serviced ? (
        <div id="pay" className="scroll-mt-20">
        <Card title={t("nextInstallment")}>
          {loan.nextInstallment ? (
            <p className="mb-3 text-sm">
              {t("nextDue", { amount: formatRupiah(loan.nextInstallment.owed, loc), date: format.date(loan.nextInstallment.dueDate) })}
            </p>
          ) : null}
          <p className="mb-3 text-sm">
            {t("outstanding")}: <strong>{formatRupiah(loan.principalOutstanding, loc)}</strong>
          </p>
          {loan.dueLines.length > 0 ? <DueNowLines lines={loan.dueLines} /> : null}
          <div className="flex flex-wrap gap-2">
            <ConfirmAction
              label={`${t("payFromWallet")} (${due})`}
              title={t("confirmPayTitle")}
              body={t("confirmPayBody", { amount: due })}
              confirmLabel={t("payConfirm")}
              cancelLabel={t("cancel")}
              successMessage={t("paymentDone")}
              action={pay}
            />
            {payoff ? (
              <ConfirmAction
                variant="secondary"
                label={t("earlyPayoff")}
                title={t("earlyPayoff")}
                body={t("earlyPayoffBody", { amount: formatRupiah(payoff.total, loc) })}
                confirmLabel={t("payConfirm")}
                cancelLabel={t("cancel")}
                successMessage={t("earlyPayoffDone")}
                action={payoffNow}
              />
            ) : null}
          </div>
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="text-sm font-semibold">{t("payLink")}</h3>
            <p className="mb-2 text-sm text-slate-700">{t("payLinkIntro")}</p>
            <PaymentLinkButton action={link} />
          </div>
        </Card>
        </div>
      ) : null}
      {loan.schedule.length > 0 ? (
        <Card title={t("schedule")}>
          <ScheduleTable rows={loan.schedule} caption={t("schedule")} lateFees={{ charged: loan.lateFeeCharged, paid: loan.lateFeePaid }} />
        </Card>
      ) : null}
    </div>
  );
}
