"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { queryKeys } from "@/lib/query-keys";

type Status = "pending" | "paid" | "expired";

/** Polls the top-up until it is paid or expired; a paid top-up refreshes the wallet balance too. */
export function TopUpStatus({ id, initialStatus }: { id: string; initialStatus: Status }) {
  const t = useTranslations("wallet");
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: queryKeys.topUp(id),
    queryFn: async (): Promise<{ status: Status }> => {
      const res = await fetch(`/api/v1/topups/${id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    initialData: { status: initialStatus },
    refetchInterval: (query) => (query.state.data?.status === "pending" ? 3_000 : false),
  });
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
