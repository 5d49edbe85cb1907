"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatPercent, formatRupiah, formatTime } from "@/lib/money/format";
import { queryKeys } from "@/lib/query-keys";
import { TradeDialog, type TradeActions } from "./trade-dialog";
import type { GoldPriceView } from "./types";

const POLL_MS = 15_000;

async function fetchPrice(): Promise<GoldPriceView> {
  const res = await fetch("/api/v1/gold/price", { cache: "no-store" });
  if (!res.ok) throw new Error(`price ${res.status}`);
  return (await res.json()) as GoldPriceView;
}

/** Today's buy and sell prices (polled), the spread, and the buy/sell dialogs. */
export function GoldMarket({
  initial,
  canTrade,
  availableUnits,
  actions,
}: {
  initial: GoldPriceView;
  canTrade: boolean;
  availableUnits: string;
  actions: TradeActions;
}) {
  const t = useTranslations("gold");
  const locale = useLocale() as "en" | "id";
  const [open, setOpen] = useState<"buy" | "sell" | null>(null);
  const { data } = useQuery({ queryKey: queryKeys.goldPrice, queryFn: fetchPrice, initialData: initial, refetchInterval: POLL_MS });
  const price = data ?? initial;
  const spreadPct = formatPercent(price.spreadBps, locale, { minFraction: 0, sign: false });
  const pct = (bps: number) => formatPercent(Math.abs(bps), locale, { sign: false });
  const change = price.change7dBps;
  const changeText = change === null ? t("change7dNone") : change > 0 ? t("change7dUp", { pct: pct(change) }) : change < 0 ? t("change7dDown", { pct: pct(change) }) : t("change7dFlat");
  const time = formatTime(price.at, locale);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <div className="min-w-0">
          <dt className="text-sm text-slate-600">{t("buyPrice")}</dt>
          <dd className="text-xl font-bold text-slate-900 tabular-nums sm:text-2xl" data-testid="gold-buy-price">
            {t("perGram", { price: formatRupiah(BigInt(price.buyPerGram), locale) })}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-sm text-slate-600">{t("sellPrice")}</dt>
          <dd className="text-xl font-bold text-slate-900 tabular-nums sm:text-2xl" data-testid="gold-sell-price">
            {t("perGram", { price: formatRupiah(BigInt(price.sellPerGram), locale) })}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-sm text-slate-600">{t("spread")}</dt>
          <dd className="text-xl font-bold text-slate-900 sm:text-2xl">{spreadPct}%</dd>
        </div>
      </dl>
      <p className="text-sm text-slate-700">
        {t("change7d")}: <span className={change && change > 0 ? "text-emerald-800" : change && change < 0 ? "text-red-700" : undefined}>{changeText}</span>
      </p>
      <p className="text-xs text-slate-600">{t("priceUpdated", { time })} {t("spreadHelp")}</p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setOpen("buy")} disabled={!canTrade}>
          {t("buyGold")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen("sell")} disabled={!canTrade || BigInt(availableUnits) <= 0n}>
          {t("sellGold")}
        </Button>
      </div>
      {open ? <TradeDialog side={open} availableUnits={availableUnits} actions={actions} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
