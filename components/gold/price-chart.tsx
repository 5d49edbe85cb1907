"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { GOLD_PRICE_RANGES as GOLD_RANGES, type GoldPriceRange as GoldRange } from "@/lib/gold/schemas";
import { formatCompact, formatDate, formatDateTime, formatMonth, formatRupiah } from "@/lib/money/format";
import { queryKeys } from "@/lib/query-keys";
import type { HistoryPoint } from "./types";


async function fetchHistory(range: GoldRange): Promise<HistoryPoint[]> {
  const res = await fetch(`/api/v1/gold/history?range=${range}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`history ${res.status}`);
  return ((await res.json()) as { points: HistoryPoint[] }).points;
}


/**
 * The price per gram over a chosen range. Short ranges come from stored prices, long ones from the
 * World Bank monthly series; the chart is hidden from screen readers, which get a written summary
 * and the table instead.
 */
export function GoldPriceChart({ initialRange, initialPoints }: { initialRange: GoldRange; initialPoints: HistoryPoint[] }) {
  const t = useTranslations("gold");
  const locale = useLocale() as "en" | "id";
  const [range, setRange] = useState<GoldRange>(initialRange);
  const { data, isFetching, isError } = useQuery({
    queryKey: queryKeys.goldHistory(range),
    queryFn: () => fetchHistory(range),
    initialData: range === initialRange ? initialPoints : undefined,
    staleTime: 60_000,
  });
  const points = data ?? [];
  // Four significant digits: a month's moves are a few percent, so "2.3M" on every tick would hide them.
  const compact = (n: number) => formatCompact(n, locale, { significant: 4 });
  const long = range === "ALL" || range === "5Y" || range === "1Y";
  const label = (iso: string) => (long ? formatMonth(iso, locale, { month: "short" }) : formatDate(iso, locale, { month: "short", year: false }));
  const fullLabel = (iso: string) => (long ? formatMonth(iso, locale) : formatDateTime(iso, locale));
  const rows = points.map((p) => ({ label: label(p.at), full: fullLabel(p.at), value: Number(p.pricePerGram), formatted: formatRupiah(BigInt(p.pricePerGram), locale) }));
  let summary = t("chartEmpty");
  if (points.length > 0) {
    const values = points.map((p) => BigInt(p.pricePerGram));
    const max = values.reduce((a, b) => (b > a ? b : a));
    const min = values.reduce((a, b) => (b < a ? b : a));
    summary = t("chartSummary", {
      from: rows[0]!.full,
      to: rows[rows.length - 1]!.full,
      first: rows[0]!.formatted,
      last: rows[rows.length - 1]!.formatted,
      high: formatRupiah(max, locale),
      low: formatRupiah(min, locale),
    });
  }
  return (
    <section aria-labelledby="gold-chart-title" className="space-y-3">
      <h3 id="gold-chart-title" className="text-sm font-semibold text-slate-900">
        {t("chartTitle")}
      </h3>
      <div role="group" aria-label={t("chartRange")} className="flex flex-wrap gap-2">
        {GOLD_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={r === range}
            onClick={() => setRange(r)}
            className={`min-h-11 rounded-full px-3 py-2 text-sm font-medium ${r === range ? "bg-brand-700 text-white" : "bg-white ring-1 ring-slate-300"}`}
          >
            {/* The name starts with what is shown ("1W"), then says it in words. */}
            {t(`ranges.${r}.short`)}
            <span className="sr-only"> ({t(`ranges.${r}.long`)})</span>
          </button>
        ))}
      </div>
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="gold-chart-summary">
        {isError ? t("chartError") : isFetching && !data ? t("chartLoading") : summary}
      </p>
      {rows.length > 0 ? (
        <>
          <div className="h-56 w-full" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart accessibilityLayer={false} data={rows} margin={{ left: 8, right: 8, top: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" fontSize={12} minTickGap={24} />
                <YAxis tickFormatter={compact} fontSize={12} width={48} domain={["auto", "auto"]} />
                <Tooltip formatter={(_v, _n, item) => (item.payload as { formatted: string }).formatted} labelFormatter={(_l, p) => (p?.[0]?.payload as { full?: string } | undefined)?.full ?? ""} />
                <Area type="monotone" dataKey="value" stroke="#b45309" fill="#fde68a" isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary className="cursor-pointer text-sm text-emerald-800 underline">{t("showTable")}</summary>
            <div className="max-h-80 overflow-y-auto">
              <table className="mt-2 w-full text-sm">
                <caption className="sr-only">{t("chartTableCaption", { range: t(`ranges.${range}.long`) })}</caption>
                <thead>
                  <tr className="text-left text-slate-600">
                    <th scope="col">{t("colDate")}</th>
                    <th scope="col" className="text-right">{t("colPricePerGram")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d, i) => (
                    <tr key={`${points[i]!.at}`} className="border-t border-slate-100">
                      <th scope="row" className="py-1 text-left font-normal">{d.full}</th>
                      <td className="py-1 text-right tabular-nums">{d.formatted}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : null}
    </section>
  );
}
