"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatRupiah } from "@/lib/money/format";
import { queryKeys } from "@/lib/query-keys";

type Wallet = { available: string; reserved: string; total: string };

/** Balances that refresh by themselves (a top-up paid elsewhere shows up without reloading). */
export function BalanceCard({ initial }: { initial: Wallet }) {
  const t = useTranslations("wallet");
  const locale = useLocale() as "en" | "id";
  const { data } = useQuery({
    queryKey: queryKeys.wallet,
    queryFn: async (): Promise<Wallet> => {
      const res = await fetch("/api/v1/wallet", { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    initialData: initial,
    refetchInterval: 5_000,
  });
  return (
    <section aria-labelledby="balance-title" className="rounded-2xl bg-brand-800 p-5 text-white shadow-sm">
      <h2 id="balance-title" className="text-sm font-medium text-brand-100">
        {t("available")}
      </h2>
      <p className="amount mt-1 text-[length:clamp(1.375rem,8vw,1.875rem)] font-bold" data-testid="available-balance" aria-live="polite">
        {formatRupiah(data.available, locale)}
      </p>
      <dl className="mt-3 flex flex-wrap gap-6 text-sm text-brand-50">
        <div>
          <dt>{t("reserved")}</dt>
          <dd className="amount font-semibold" data-testid="reserved-balance">
            {formatRupiah(data.reserved, locale)}
          </dd>
        </div>
        <div>
          <dt>{t("total")}</dt>
          <dd className="amount font-semibold">{formatRupiah(data.total, locale)}</dd>
        </div>
      </dl>
    </section>
  );
}
