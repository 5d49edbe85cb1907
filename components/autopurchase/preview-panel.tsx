"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { previewRules } from "@/lib/autopurchase/schemas";
import { formatRupiah } from "@/lib/money/format";
import { queryKeys } from "@/lib/query-keys";
import { PreviewList, type PreviewLoanJson } from "./preview-list";

type PreviewJson = { total: number; loans: PreviewLoanJson[] };
class InvalidRules extends Error {}

/** Waits until the lender stops typing for a moment before asking the server again. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * Today's listed loans the form's rules match; one query (and cache entry) per debounced set of rules.
 * While the rules cannot be previewed (an empty form, a half-typed amount) nothing is sent: the
 * server would only answer 400.
 */
export function usePreview(values: unknown) {
  const ready = previewRules(values);
  const rules = useDebounced(ready ? JSON.stringify(ready) : "", 500);
  const query = useQuery({
    queryKey: queryKeys.autoPurchasePreview(rules),
    queryFn: async (): Promise<PreviewJson> => {
      const res = await fetch("/api/v1/auto-purchase/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ strategy: JSON.parse(rules) }) });
      if (res.status === 400) throw new InvalidRules();
      if (!res.ok) throw new Error(`preview ${res.status}`);
      return (await res.json()) as PreviewJson;
    },
    enabled: rules !== "" && ready !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  return { ...query, incomplete: ready === null };
}

/** The count alone, next to the submit button on phones (where the full preview is further down). */
export function PreviewCount({ values }: { values: unknown }) {
  const t = useTranslations("autoPurchase.preview");
  const { data, error, incomplete } = usePreview(values);
  if (!data || error || incomplete) return null;
  return <p className="text-sm text-slate-700 lg:hidden">{t("matching", { count: data.total })}</p>;
}

/**
 * The live preview beside the strategy form: the same matching predicate as the real job, on today's
 * listed loans. Rules the server cannot parse yet (a half-typed amount) show a hint instead of a list.
 */
export function PreviewPanel({ values, productNames }: { values: unknown; productNames: Record<string, string> }) {
  const t = useTranslations("autoPurchase.preview");
  const locale = useLocale() as "en" | "id";
  const { data, error, isFetching, refetch, incomplete } = usePreview(values);
  const amount = (values as { amountPerLoan?: string }).amountPerLoan;
  return (
    <section aria-labelledby="preview-title" aria-busy={isFetching} className="min-w-0 space-y-3 self-start rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="preview-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        <button type="button" disabled={incomplete} className="min-h-11 rounded-lg px-3 text-sm font-medium text-brand-700 underline disabled:text-slate-500 disabled:no-underline" onClick={() => void refetch()}>
          {t("refresh")}
        </button>
      </div>
      <div aria-live="polite">
        {incomplete ? (
          <p className="text-sm text-slate-700">{t("incomplete")}</p>
        ) : error instanceof InvalidRules ? (
          <p className="text-sm text-slate-700">{t("invalid")}</p>
        ) : error ? (
          <p className="text-sm text-red-700">{t("error")}</p>
        ) : !data ? (
          <p className="text-sm text-slate-700">{t("loading")}</p>
        ) : (
          <p className="text-sm font-medium text-slate-900" data-testid="preview-count">
            {t("matching", { count: data.total })}
          </p>
        )}
      </div>
      {data && !error && !incomplete ? <PreviewList loans={data.loans} total={data.total} productNames={productNames} wouldBuy={amount && /^\d+$/.test(amount) ? formatRupiah(amount, locale) : undefined} /> : null}
    </section>
  );
}
