"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatPercent, formatRupiah } from "@/lib/money/format";

/** A previewed loan as the JSON API sends it (bigints as strings). */
export type PreviewLoanJson = {
  loanId: string;
  productCode: string;
  subgrade: string;
  rateBps: number;
  principal: string;
  fundedAmount: string;
  tenor: number;
  tenorUnit: "months" | "days";
  purpose: string;
};

const SHOWN = 10;

/** Today's listed loans that match, as a short list (the first ten; the count says how many in all). */
export function PreviewList({ loans, total, wouldBuy, productNames = {} }: { loans: PreviewLoanJson[]; total: number; wouldBuy?: string; productNames?: Record<string, string> }) {
  const t = useTranslations("autoPurchase.preview");
  const words = useTranslations("words");
  const locale = useLocale() as "en" | "id";
  if (loans.length === 0) return null;
  return (
    <ul className="divide-y divide-slate-200 text-sm" aria-label={t("title")}>
      {loans.slice(0, SHOWN).map((l) => (
        <li key={l.loanId} className="min-w-0 py-2">
          <p className="font-medium break-words">
            <Link href={`/lender/marketplace/${l.loanId}`} className="text-brand-700 underline">
              {productNames[l.productCode] ?? l.productCode} · {l.subgrade} · {formatPercent(l.rateBps, locale)} · {words(`tenor.${l.tenorUnit}`, { count: l.tenor })}
            </Link>
          </p>
          <p className="break-words text-slate-700">{l.purpose}</p>
          <p className="text-slate-700">
            {t("remaining")}: {formatRupiah(BigInt(l.principal) - BigInt(l.fundedAmount), locale)} / {formatRupiah(l.principal, locale)}
            {wouldBuy ? ` · ${t("wouldBuy")}: ≤ ${wouldBuy}` : null}
          </p>
        </li>
      ))}
      {total > SHOWN ? <li className="py-2 text-slate-700">{t("more", { count: total - SHOWN })}</li> : null}
    </ul>
  );
}
