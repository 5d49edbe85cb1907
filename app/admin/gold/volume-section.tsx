import { getLocale, getTranslations } from "next-intl/server";
import { AdminVolumeChart } from "@/components/gold/admin-volume-chart";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
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
          <DataTable
            caption={t("volumeTitle", { days })}
            rows={rows}
            rowKey={(r) => r.day}
            columns={[
              { key: "day", header: t("colDay"), primary: true, rowHeader: true, cell: (r) => formatDate(r.day, loc) },
              { key: "buyCount", header: t("colBuyCount"), numeric: true, cell: (r) => r.buyCount },
              { key: "buyGrams", header: t("colBuyGrams"), numeric: true, cell: (r) => formatGrams(r.buyUnits, loc) },
              { key: "buyRupiah", header: t("colBuyRupiah"), numeric: true, cell: (r) => formatRupiah(r.buyRupiah, loc) },
              { key: "sellCount", header: t("colSellCount"), numeric: true, cell: (r) => r.sellCount },
              { key: "sellGrams", header: t("colSellGrams"), numeric: true, cell: (r) => formatGrams(r.sellUnits, loc) },
              { key: "sellRupiah", header: t("colSellRupiah"), numeric: true, cell: (r) => formatRupiah(r.sellRupiah, loc) },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
