import { getLocale, getTranslations } from "next-intl/server";
import { Card, Stat } from "@/components/ui/card";
import type { GoldHoldings } from "@/lib/gold";
import { formatRupiah } from "@/lib/money/format";
import { formatGrams } from "@/lib/money/gold";

/** Grams, value at today's sell price, average buy price and the unrealised gain or loss (sign and words, not colour alone). */
export async function HoldingsCard({ holdings }: { holdings: GoldHoldings }) {
  const [t, locale] = await Promise.all([getTranslations("gold"), getLocale()]);
  const loc = locale as "en" | "id";
  const gain = holdings.unrealisedGain;
  const abs = formatRupiah(gain < 0n ? -gain : gain, loc);
  const gainText = gain > 0n ? t("unrealisedGain", { amount: abs }) : gain < 0n ? t("unrealisedLoss", { amount: abs }) : t("unrealisedNone", { amount: abs });
  const tone = gain > 0n ? "text-emerald-800" : gain < 0n ? "text-red-700" : "text-slate-900";
  return (
    <Card title={t("holdingsTitle")}>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("holdingGrams")} value={<span data-testid="gold-held">{formatGrams(holdings.units + holdings.reservedUnits, loc)}</span>} />
        <Stat label={t("holdingValue")} value={<span data-testid="gold-value">{formatRupiah(holdings.value, loc)}</span>} />
        <Stat label={t("averageBuyPrice")} value={holdings.averageBuyPerGram === null ? t("noAverage") : t("perGram", { price: formatRupiah(holdings.averageBuyPerGram, loc) })} />
        <Stat label={t("unrealised")} value={<span className={tone}>{gainText}</span>} />
      </dl>
      {holdings.reservedUnits > 0n ? <p className="mt-3 text-xs text-slate-600">{t("reservedGrams", { grams: formatGrams(holdings.reservedUnits, loc) })}</p> : null}
    </Card>
  );
}
