"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatDateTime, formatRupiah, type DisplayLocale } from "@/lib/money/format";
import { skipReasonText } from "./reason-text";

export type DecisionJson = { id: string; reason: string | null; amount: string; requested: string; details: Record<string, string>; createdAt: string; loan: { id: string; label: string } };

/** Bought: what it got. Skipped: what it asked for, or (when its caps left nothing) what it would have needed. */
function shownAmount(kind: "bought" | "skipped", d: DecisionJson, locale: DisplayLocale): string {
  if (kind === "bought") return formatRupiah(d.amount, locale);
  if (d.requested !== "0") return formatRupiah(d.requested, locale);
  return /^\d+$/.test(d.details.needed ?? "") ? formatRupiah(d.details.needed!, locale) : "—";
}

/**
 * What a strategy bought (loan, amount, date, link to the investment in the portfolio) or skipped
 * (loan, what it asked for, date, the reason with its figures), with previous/next links.
 */
export function DecisionTable({
  kind,
  data,
  locale,
  prevHref,
  nextHref,
}: {
  kind: "bought" | "skipped";
  data: { items: DecisionJson[]; total: number; page: number };
  locale: DisplayLocale;
  prevHref?: string;
  nextHref?: string;
}) {
  const t = useTranslations("autoPurchase");
  if (data.items.length === 0) return <p className="text-sm text-slate-700">{kind === "bought" ? t("detail.noneBought") : t("detail.noneSkipped")}</p>;
  const link = "inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100";
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-200 text-sm" aria-label={kind === "bought" ? t("detail.bought") : t("detail.skipped")}>
        {data.items.map((d) => (
          <li key={d.id} className="grid min-w-0 gap-1 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
            <span className="min-w-0 break-words">
              {kind === "bought" ? (
                <Link href={`/lender/portfolio/${d.loan.id}`} className="text-brand-700 underline" aria-label={t("detail.openInvestment", { loan: d.loan.label })}>
                  {d.loan.label}
                </Link>
              ) : (
                d.loan.label
              )}
            </span>
            <span className="font-semibold">{shownAmount(kind, d, locale)}</span>
            <span className="text-slate-700">{formatDateTime(d.createdAt, locale)}</span>
            {kind === "skipped" ? <span className="text-slate-800 sm:col-span-3">{skipReasonText(t, d.reason, d.details, locale)}</span> : null}
          </li>
        ))}
      </ul>
      {prevHref || nextHref ? (
        <nav aria-label={kind === "bought" ? t("detail.boughtNav") : t("detail.skippedNav")} className="flex items-center justify-between gap-2">
          {prevHref ? <Link className={link} href={prevHref} rel="prev">{t("detail.previous")}</Link> : <span />}
          <span className="text-sm text-slate-700">{t("detail.page", { page: data.page })}</span>
          {nextHref ? <Link className={link} href={nextHref} rel="next">{t("detail.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
