import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/portfolio/print-button";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getMonthlyStatement } from "@/lib/lending/portfolio";
import { formatRupiah } from "@/lib/money/format";

/** A printable monthly statement of the lender's cash flows (WIB calendar month). */
export default async function StatementPage({ params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const ctx = await getRequestCtx();
  const statement = await getMonthlyStatement({ ctx, input: { month } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, format, locale] = await Promise.all([getTranslations("portfolio"), getFormatter(), getLocale()]);
  const rp = (n: bigint) => formatRupiah(n, locale as "en" | "id");
  const { totals } = statement;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("statementTitle", { month: statement.month })}</h1>
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
          <table className="w-full text-sm">
            <caption className="sr-only">{t("statementTitle", { month: statement.month })}</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col">{t("colDate")}</th>
                <th scope="col">{t("colType")}</th>
                <th scope="col">{t("colLoan")}</th>
                <th scope="col" className="text-right">{t("totPrincipal")}</th>
                <th scope="col" className="text-right">{t("totInterest")}</th>
                <th scope="col" className="text-right">{t("totServiceFee")}</th>
                <th scope="col" className="text-right">{t("colNet")}</th>
              </tr>
            </thead>
            <tbody>
              {statement.flows.map((f, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <td className="py-1">{format.dateTime(f.at, { dateStyle: "medium", timeZone: "Asia/Jakarta" })}</td>
                  <td className="py-1">{t(`flowTypes.${f.kind}`)}</td>
                  <td className="py-1"><Link className="text-emerald-800 underline print:no-underline" href={`/lender/portfolio/${f.loanId}`}>{f.loanId.slice(0, 8)}</Link></td>
                  <td className="py-1 text-right tabular-nums">{rp(f.principal)}</td>
                  <td className="py-1 text-right tabular-nums">{rp(f.interest + f.lateFee)}</td>
                  <td className="py-1 text-right tabular-nums">{rp(f.serviceFee)}</td>
                  <td className="py-1 text-right tabular-nums">{rp(f.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
