import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { PrintButton } from "@/components/portfolio/print-button";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getMonthlyStatement } from "@/lib/lending/portfolio";
import { formatRupiah } from "@/lib/money/format";
import { loanName } from "@/lib/loans/words";

/** A printable monthly statement of the lender's cash flows (WIB calendar month). */
export default async function StatementPage({ params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const ctx = await getRequestCtx();
  const statement = await getMonthlyStatement({ ctx, input: { month } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, format, locale] = await Promise.all([getTranslations("portfolio"), getFormat(), getLocale()]);
  const rp = (n: bigint) => formatRupiah(n, locale as "en" | "id");
  const words = await getTranslations("words");
  const { totals } = statement;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("statementTitle", { month: format.month(statement.month) })}</h1>
        <div className="flex gap-2 print:hidden">
          <Link className={buttonClass("secondary")} href="/lender/portfolio">{t("backToPortfolio")}</Link>
          <PrintButton label={t("print")} />
        </div>
      </div>
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("opening")} value={rp(statement.openingOutstanding)} />
          <Stat label={t("totInvested")} value={rp(totals.invested)} />
          <Stat label={t("totPrincipal")} value={rp(totals.principal)} />
          <Stat label={t("closing")} value={rp(statement.closingOutstanding)} />
          <Stat label={t("totInterest")} value={rp(totals.interest)} />
          <Stat label={t("totLateFee")} value={rp(totals.lateFee)} />
          <Stat label={t("totServiceFee")} value={rp(totals.serviceFee)} />
          <Stat label={t("totNet")} value={rp(totals.net)} />
        </dl>
      </Card>
      <Card>
        {statement.flows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noFlows")}</p>
        ) : (
          <DataTable
            caption={t("statementTitle", { month: format.month(statement.month) })}
            rows={statement.flows.map((f, i) => ({ ...f, i }))}
            rowKey={(f) => String(f.i)}
            columns={[
              { key: "date", header: t("colDate"), className: "whitespace-nowrap", cell: (f) => format.date(f.at) },
              { key: "type", header: t("colType"), primary: true, cell: (f) => t(`flowTypes.${f.kind}`) },
              { key: "loan", header: t("colLoan"), cell: (f) => <Link className="text-emerald-800 underline print:no-underline" href={`/lender/portfolio/${f.loanId}`}>{statement.loanNames[f.loanId] ? loanName(words, statement.loanNames[f.loanId]!) : f.loanId.slice(0, 8)}</Link> },
              { key: "principal", header: t("totPrincipal"), numeric: true, cell: (f) => rp(f.principal) },
              { key: "interest", header: t("totInterest"), numeric: true, cell: (f) => rp(f.interest + f.lateFee) },
              { key: "fee", header: t("totServiceFee"), numeric: true, cell: (f) => rp(f.serviceFee) },
              { key: "net", header: t("colNet"), numeric: true, cell: (f) => rp(f.amount) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
