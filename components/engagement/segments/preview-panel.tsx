"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { queryKeys } from "@/lib/query-keys";

type PreviewJson = { count: number; sample: { userId: string; name: string; email: string; role: string }[] };

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * The live count and a sample of ten members of the rule being edited: one request per debounced
 * (400 ms) complete rule, the last result kept on screen while the next one loads. An incomplete rule
 * is not sent (the server would only answer 400); the builder shows what is missing.
 */
export function PreviewPanel({ rule }: { rule: unknown | null }) {
  const t = useTranslations("segments.preview");
  const tr = useTranslations("auth.roles");
  const body = useDebounced(rule === null ? "" : JSON.stringify({ rule }), 400);
  const query = useQuery({
    queryKey: queryKeys.segmentPreview(body),
    queryFn: async ({ signal }): Promise<PreviewJson> => {
      const res = await fetch("/api/admin/segments/preview", { method: "POST", headers: { "content-type": "application/json" }, body, signal });
      if (!res.ok) throw new Error(`preview ${res.status}`);
      return (await res.json()) as PreviewJson;
    },
    enabled: body !== "",
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  });
  const { data, error, isFetching } = query;
  const pending = rule !== null && (isFetching || body !== JSON.stringify({ rule }));
  return (
    <section aria-labelledby="segment-preview-title" aria-busy={pending} className="min-w-0 space-y-3 self-start rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="segment-preview-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      <div aria-live="polite" className="space-y-1">
        {data ? (
          <p className="text-lg font-semibold text-slate-900" data-testid="segment-preview-count">
            {t("count", { count: data.count })}
          </p>
        ) : null}
        {rule === null ? (
          <p className="text-sm text-slate-700">{t("incomplete")}</p>
        ) : error && !pending ? (
          <p className="text-sm text-red-700">{t("error")}</p>
        ) : pending ? (
          <p className="text-sm text-slate-600">{data ? t("updating") : t("loading")}</p>
        ) : null}
      </div>
      {data && data.sample.length > 0 ? (
        <DataTable
          caption={t("sampleCaption")}
          testId="segment-preview-sample"
          rows={data.sample}
          rowKey={(r) => r.userId}
          columns={[
            { key: "name", header: t("name"), primary: true, cell: (r) => r.name },
            { key: "email", header: t("email"), className: "break-all", cell: (r) => r.email },
            { key: "role", header: t("role"), cell: (r) => (tr.has(r.role) ? tr(r.role) : r.role) },
          ]}
        />
      ) : null}
    </section>
  );
}
