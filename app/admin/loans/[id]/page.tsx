import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { RecoveryForm } from "@/components/loans/recovery-form";
import { RestructureForm } from "@/components/loans/restructure-form";
import { ScheduleTable } from "@/components/loans/schedule-table";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { TextActionForm } from "@/components/loans/text-action-form";
import { Card, Stat } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getLoanForAdmin } from "@/lib/loans/loan-queries";
import { listRestructuresForAdmin } from "@/lib/loans/restructure-queries";
import { loanName } from "@/lib/loans/words";
import { formatRupiah } from "@/lib/money/format";
import { proposeRestructureAction, recordRecoveryAction, writeOffAction } from "../../loan-actions";

/** Admin: a loan's state, schedule, lenders, and servicing actions (restructure, write-off, recovery). */
export default async function AdminLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const loan = await getLoanForAdmin({ ctx, input: { loanId: id } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, tl, words, format, locale, restructures] = await Promise.all([
    getTranslations("adminLoans"),
    getTranslations("loans"),
    getTranslations("words"),
    getFormat(),
    getLocale(),
    listRestructuresForAdmin({ ctx, input: { loanId: id } }),
  ]);
  const loc = locale as "en" | "id";
  const open = ["active", "late", "default"].includes(loan.status);
  async function writeOff(reason: string) {
    "use server";
    return writeOffAction(id, reason);
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{loanName(words, loan)}</h1>
        <LoanStatusBadge status={loan.status} />
      </div>
      <p className="-mt-4 text-sm text-slate-600">{words("reference", { code: loan.id.slice(0, 8).toUpperCase() })}</p>
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={tl("amount")} value={formatRupiah(loan.principal, loc)} />
          <Stat label={tl("outstanding")} value={formatRupiah(loan.principalOutstanding, loc)} />
          <Stat label={t("daysPastDue")} value={loan.daysPastDue} />
          <Stat label={t("lateFees")} value={formatRupiah(loan.lateFeeOutstanding, loc)} />
        </dl>
        <p className="mt-3 text-sm">{t("lenderCount", { count: loan.lenders.filter((l) => l.status !== "released").length })}</p>
      </Card>
      {loan.schedule.length > 0 ? (
        <Card title={tl("schedule")}>
          <ScheduleTable rows={loan.schedule} caption={tl("schedule")} lateFees={{ charged: loan.lateFeeCharged, paid: loan.lateFeePaid }} />
        </Card>
      ) : null}
      {restructures.length > 0 ? (
        <Card title={t("restructures")}>
          <ul className="text-sm">
            {restructures.map((r) => (
              <li key={r.id}>
                {format.date(r.proposedAt)}: {r.newTenor} · {format.percent(r.newRateBps)} · {r.status} · {t("consents", { count: r.consents })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {open ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Card title={t("restructureTitle")}>
            <RestructureForm loanId={id} action={proposeRestructureAction} />
          </Card>
          <Card title={t("writeOffTitle")}>
            <TextActionForm label={t("writeOffReason")} submitLabel={t("writeOff")} successMessage={t("writtenOff")} field="reason" action={writeOff} variant="danger" />
          </Card>
        </div>
      ) : null}
      {loan.status === "written_off" ? (
        <Card title={t("recoveryTitle")}>
          <RecoveryForm loanId={id} action={recordRecoveryAction} />
        </Card>
      ) : null}
    </div>
  );
}
