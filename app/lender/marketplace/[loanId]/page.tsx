import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/loans/add-to-cart-form";
import { FundingProgress } from "@/components/loans/funding-progress";
import { InvestForm } from "@/components/loans/invest-form";
import { Badge } from "@/components/ui/badge";
import { Card, Stat } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { getMarketplaceLoan } from "@/lib/loans/marketplace-detail";
import { loanName, sectorName, tenorText } from "@/lib/loans/words";
import { formatDate, formatPercent, formatRupiah } from "@/lib/money/format";
import { addToCartAction } from "../../cart-actions";
import { investAction } from "../../invest-actions";

/** A listed loan before investing: the business, the scorecard summary, what Rp1.000.000 returns, history, risk. */
export default async function MarketplaceLoanPage({ params }: { params: Promise<{ loanId: string }> }) {
  const { loanId } = await params;
  const ctx = await getRequestCtx();
  const loan = await getMarketplaceLoan({ ctx, input: { loanId } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) {
      // A loan that just left the marketplace (the lender's own investment filled it) opens the lender's
      // page for it, which is itself a 404 for a loan they have no share in.
      if (ctx.actor.type === "user" && ctx.actor.role === "lender" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(loanId)) redirect(`/lender/portfolio/${loanId}`);
      notFound();
    }
    throw e;
  });
  const [t, tl, tc, ts, twords, format, locale] = await Promise.all([getTranslations("market"), getTranslations("loans"), getTranslations("cart"), getTranslations("sectors"), getTranslations("words"), getFormatter(), getLocale()]);
  const loc = locale as "en" | "id";
  const at = now();
  const name = loanName(twords, { businessName: loan.business.name, productName: loan.productName });
  const label = `${name} ${formatRupiah(loan.principal, loc)}`;
  const letter = loan.subgrade.slice(0, 1) as "A" | "B" | "C" | "D" | "E";
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/lender/marketplace" className="underline">{t("backToMarket")}</Link></p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{loan.business.name || label}</h1>
        <Badge tone="info">{loan.subgrade}</Badge>
        {loan.holdbackUntil > at ? <Badge tone="info">{t("manualOnly")}</Badge> : null}
      </div>
      <Card title={loan.productName}>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={tl("rate")} value={tl("ratePerYear", { rate: formatPercent(loan.rateBps, loc, { sign: false }) })} />
          <Stat label={tl("tenor")} value={tenorText(twords, loan.tenor, loan.tenorUnit)} />
          <Stat label={tl("method")} value={tl(`methods.${loan.method}`)} />
          <Stat label={t("timeLeft")} value={format.relativeTime(loan.fundingDeadline, at)} />
          <Stat label={tl("amount")} value={formatRupiah(loan.principal, loc)} />
          <Stat label={t("remaining")} value={formatRupiah(loan.remaining, loc)} />
        </dl>
        <div className="mt-3 text-sm">
          <FundingProgress loanId={loan.id} ids={[loan.id]} initial={[{ id: loan.id, fundedAmount: loan.fundedAmount.toString(), principal: loan.principal.toString(), fundedPct: loan.fundedPct }]} label={label} />
        </div>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("businessTitle")}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <div><dt className="text-slate-600">{t("sector")}</dt><dd>{sectorName(ts, loan.business.sector)}</dd></div>
            <div><dt className="text-slate-600">{t("city")}</dt><dd>{loan.business.city}</dd></div>
            {loan.business.yearsOperating !== null ? <div><dt className="text-slate-600">{t("yearsOperating")}</dt><dd>{loan.business.yearsOperating}</dd></div> : null}
            {loan.business.employees !== null ? <div><dt className="text-slate-600">{t("employees")}</dt><dd>{loan.business.employees}</dd></div> : null}
          </dl>
          <h3 className="mt-3 text-sm font-semibold">{t("purpose")}</h3>
          <p className="text-sm text-slate-700">{loan.purpose}</p>
        </Card>
        <Card title={t("scoreTitle")}>
          <dl className="grid grid-cols-2 gap-3">
            <Stat label={tl("grade")} value={loan.subgrade} />
            <Stat label={t("score")} value={loan.score ?? "—"} />
          </dl>
        </Card>
        <Card title={t("historyTitle")}>
          <dl className="grid grid-cols-3 gap-3">
            <Stat label={t("historyRepaid")} value={loan.history.repaid} />
            <Stat label={t("historyActive")} value={loan.history.active} />
            <Stat label={t("historyLate")} value={loan.history.late} />
          </dl>
        </Card>
        <Card title={t("riskTitle")}>
          <p className="text-sm text-slate-800">{t(`riskByGrade.${letter}`)}</p>
          <p className="mt-2 text-sm text-slate-700">{t("riskGeneral")}</p>
        </Card>
      </div>
      <Card title={t("exampleTitle")}>
        <p className="text-sm text-slate-700">{t("exampleIntro", { fee: formatPercent(loan.serviceFeeBps, loc, { sign: false }) })}</p>
        <div className="mt-3 overflow-x-auto" role="region" aria-label={t("exampleTitle")} tabIndex={0}>
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t("exampleTitle")}</caption>
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-2">{tl("no")}</th>
                <th scope="col" className="py-2">{tl("dueDate")}</th>
                <th scope="col" className="py-2 text-right">{tl("principal")}</th>
                <th scope="col" className="py-2 text-right">{tl("interest")}</th>
                <th scope="col" className="py-2 text-right">{t("serviceFee")}</th>
                <th scope="col" className="py-2 text-right">{t("net")}</th>
              </tr>
            </thead>
            <tbody>
              {loan.example.installments.map((r) => (
                <tr key={r.number} className="border-t border-slate-200">
                  <td className="py-2">{r.number}</td>
                  <td className="py-2">{formatDate(r.dueDate, loc)}</td>
                  <td className="py-2 text-right">{formatRupiah(r.principal, loc)}</td>
                  <td className="py-2 text-right">{formatRupiah(r.interest, loc)}</td>
                  <td className="py-2 text-right">{formatRupiah(r.serviceFee, loc)}</td>
                  <td className="py-2 text-right">{formatRupiah(r.net, loc)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-sm font-semibold">{t("exampleTotal", { amount: formatRupiah(loan.example.interestNet, loc) })}</p>
      </Card>
      <Card>
        <div className="grid gap-4 sm:grid-cols-2">
          <AddToCartForm loanId={loan.id} label={label} minimum={loan.minInvestment.toString()} action={addToCartAction} />
          <InvestForm loanId={loan.id} label={label} minimum={loan.minInvestment.toString()} action={investAction} />
        </div>
        <p className="mt-3 text-sm"><Link href="/lender/cart" className="underline">{tc("title")}</Link></p>
      </Card>
    </div>
  );
}
