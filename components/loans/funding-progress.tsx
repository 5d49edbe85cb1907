"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatRupiah } from "@/lib/money/format";
import { queryKeys } from "@/lib/query-keys";

/** A figure inside a sentence stays whole: its spaces become no-break spaces (the sentence still wraps between words). */
const whole = (s: string) => s.replace(/ /g, "\u00a0");

export type Progress = { id: string; fundedAmount: string; principal: string; fundedPct: number };

/**
 * A loan's funded amount and bar, refreshed every few seconds. Every card on a page asks with the same
 * key (all ids on the page), so TanStack Query makes one request for all of them.
 */
export function FundingProgress({ loanId, ids, initial, label }: { loanId: string; ids: string[]; initial: Progress[]; label: string }) {
  const t = useTranslations("loans");
  const locale = useLocale() as "en" | "id";
  const { data } = useQuery({
    queryKey: queryKeys.fundingProgress(ids),
    queryFn: async (): Promise<Progress[]> => {
      const res = await fetch(`/api/v1/marketplace/progress?ids=${ids.join(",")}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    initialData: initial,
    refetchInterval: 10_000,
  });
  const p = data.find((x) => x.id === loanId) ?? initial.find((x) => x.id === loanId);
  if (!p) return null;
  return (
    <div className="space-y-1" aria-live="polite">
      <p className="tabular-nums">{t("fundedOf", { funded: whole(formatRupiah(p.fundedAmount, locale)), amount: whole(formatRupiah(p.principal, locale)), pct: p.fundedPct })}</p>
      <div role="progressbar" aria-label={`${t("funded")} ${label}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.fundedPct} className="h-2 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-brand-700" style={{ width: `${p.fundedPct}%` }} />
      </div>
    </div>
  );
}
