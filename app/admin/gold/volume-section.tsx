import { getLocale, getTranslations } from "next-intl/server";
import { AdminVolumeChart } from "@/components/gold/admin-volume-chart";
import { Card } from "@/components/ui/card";
import type { GoldVolumeDay } from "@/lib/gold";
import { formatDate, formatRupiah } from "@/lib/money/format";
import { formatGrams } from "@/lib/money/gold";

/** Daily buys and sells: a small chart (hidden from screen readers) and the table with the exact figures. */
export async function VolumeSection({ days, rows }: { days: number; rows: GoldVolumeDay[] }) {
  const [t, locale] = await Promise.all([getTranslations("adminGold"), getLocale()]);
  const loc = locale as "en" | "id";
  return (
    <Card title={t("volumeTitle", { days })}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noVolume")}</p>
      ) : (
        <div className="space-y-4">
          <AdminVolumeChart data={rows.map((r) => ({ day: r.day, buy: r.buyRupiah.toString(), sell: r.sellRupiah.toString() }))} labels={{ buy: t("buyLabel"), sell: t("sellLabel") }} />
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("volumeTitle", { days })}</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col">{t("colDay")}</th>
                  <th scope="col" className="text-right">{t("colBuyCount")}</th>
                  <th scope="col" className="text-right">{t("colBuyGrams")}</th>
                  <th scope="col" className="text-right">{t("colBuyRupiah")}</th>
                  <th scope="col" className="text-right">{t("colSellCount")}</th>
                  <th scope="col" className="text-right">{t("colSellGrams")}</th>
                  <th scope="col" className="text-right">{t("colSellRupiah")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.day} className="border-t border-slate-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">{formatDate(r.day, loc)}</th>
                    <td className="py-1 pr-2 text-right tabular-nums">{r.buyCount}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{formatGrams(r.buyUnits, loc)}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{formatRupiah(r.buyRupiah, loc)}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{r.sellCount}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{formatGrams(r.sellUnits, loc)}</td>
                    <td className="py-1 text-right tabular-nums">{formatRupiah(r.sellRupiah, loc)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
