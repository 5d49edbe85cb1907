"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { estimateLoan, type EstimatePricing } from "@/lib/loans/rules";
import { formatRupiah } from "@/lib/money/format";

/**
 * The estimated rate and installment for what the borrower typed, from the product's pricing and the
 * server's schedule math (lib/loans/rules.ts). The grade is set after scoring, so it is a range.
 */
export function LoanEstimate({ amount, tenor, pricing }: { amount: string; tenor: string; pricing: EstimatePricing | undefined }) {
  const t = useTranslations("apply.estimate");
  const tu = useTranslations("apply.units");
  const format = useFormatter();
  const locale = useLocale() as "en" | "id";
  const estimate = pricing ? estimateLoan(amount ?? "", tenor ?? "", pricing) : null;
  const rp = (n: bigint) => formatRupiah(n, locale);
  const pct = (bps: number) => format.number(bps / 10_000, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const range = (a: bigint, b: bigint) => (a === b ? rp(a) : t("range", { low: rp(a), high: rp(b) }));
  return (
    <section aria-labelledby="estimate-title" aria-live="polite" className="space-y-2 rounded-xl bg-brand-50 p-4 ring-1 ring-brand-100" data-testid="loan-estimate">
      <h3 id="estimate-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      {!pricing || !estimate ? (
        <p className="text-sm text-slate-700">{t("fillIn")}</p>
      ) : (
        <>
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">{t("rate")}</dt>
              <dd className="font-semibold text-slate-900">{t("rateRange", { low: pct(estimate.low.rateBps), high: pct(estimate.high.rateBps) })}</dd>
            </div>
            <div>
              <dt className="text-slate-600">
                {pricing.tenorUnit === "days" ? t("singlePayment") : pricing.method === "bullet" ? t("monthlyInterest") : t("installment")}
              </dt>
              <dd className="font-semibold text-slate-900">{range(estimate.low.installment, estimate.high.installment)}</dd>
            </div>
            {pricing.tenorUnit === "months" && pricing.method === "bullet" ? (
              <div>
                <dt className="text-slate-600">{t("lastPayment")}</dt>
                <dd className="font-semibold text-slate-900">{range(estimate.low.lastPayment, estimate.high.lastPayment)}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-600">{t("totalRepayable", { count: estimate.low.installments, unit: tu(pricing.tenorUnit) })}</dt>
              <dd className="font-semibold text-slate-900">{range(estimate.low.totalRepayable, estimate.high.totalRepayable)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("youReceive")}</dt>
              <dd className="font-semibold text-slate-900">{rp(estimate.netDisbursed)}</dd>
            </div>
          </dl>
          <p className="text-xs text-slate-700">{t("basis", { fee: rp(estimate.platformFee), feeRate: pct(pricing.platformFeeBps) })}</p>
        </>
      )}
    </section>
  );
}
