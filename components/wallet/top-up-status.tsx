"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { settledStatus, type TopUpClientStatus } from "@/lib/payments/rules";
import { queryKeys } from "@/lib/query-keys";

type Status = TopUpClientStatus;

/**
 * Polls the top-up until it is paid or expired; a paid top-up refreshes the wallet balance too.
 * The status is fetched again whenever the page is shown — on mount (also when coming back from the
 * gateway, `?returned=1`), on focus, when the tab becomes visible and when the browser restores the
 * page from its back/forward cache — and a settled status rendered by the server wins over a
 * "pending" still in the client cache.
 */
export function TopUpStatus({ id, initialStatus }: { id: string; initialStatus: Status }) {
  const t = useTranslations("wallet");
  const queryClient = useQueryClient();
  const key = queryKeys.topUp(id);
  const { data, refetch } = useQuery({
    queryKey: key,
    queryFn: async (): Promise<{ status: Status }> => {
      const res = await fetch(`/api/v1/topups/${encodeURIComponent(id)}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { status: Status };
      // A poll sent before the payment may answer after it: a top-up never goes back to pending.
      return { status: settledStatus(queryClient.getQueryData<{ status: Status }>(key)?.status, body.status) };
    },
    initialData: { status: initialStatus },
    staleTime: 0,
    refetchOnMount: "always",
    refetchOnWindowFocus: "always",
    refetchInterval: (query) => (query.state.data?.status === "pending" ? 3_000 : false),
  });
  useEffect(() => {
    const cached = queryClient.getQueryData<{ status: Status }>(key);
    const status = settledStatus(cached?.status, initialStatus);
    if (status !== cached?.status) queryClient.setQueryData(key, { status });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is derived from id
  }, [id, initialStatus, queryClient]);
  useEffect(() => {
    const again = () => void refetch();
    const onVisible = () => {
      if (document.visibilityState === "visible") again();
    };
    window.addEventListener("pageshow", again);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("pageshow", again);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refetch]);
  const status = data.status;
  useEffect(() => {
    if (status === "paid") void queryClient.invalidateQueries({ queryKey: queryKeys.wallet });
  }, [status, queryClient]);
  const tone = status === "paid" ? "success" : status === "expired" ? "neutral" : "warning";
  const notice = status === "paid" ? t("paidNotice") : status === "expired" ? t("expiredNotice") : t("waitingNotice");
  return (
    <div className="space-y-1" aria-live="polite">
      <p className="text-sm">
        {t("statusLabel")}: <Badge tone={tone}>{t(`status.${status}`)}</Badge>
      </p>
      <p className="text-sm text-slate-700">{notice}</p>
    </div>
  );
}
