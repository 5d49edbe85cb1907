import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import type { GoldTradeRow } from "@/lib/gold";
import { formatRupiah } from "@/lib/money/format";
import { formatGrams } from "@/lib/money/gold";

/** The lender's trades, newest first, paginated with ?page=, and the CSV of all of them. */
export async function TradeHistory({ list }: { list: { items: GoldTradeRow[]; total: number; page: number; pageSize: number } }) {
  const [t, tw, format, locale] = await Promise.all([getTranslations("gold"), getTranslations("wallet"), getFormat(), getLocale()]);
  const loc = locale as "en" | "id";
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <Card title={t("historyTitle")}>
      <div className="mb-3">
        <a className={buttonClass("secondary")} href="/api/v1/gold/trades.csv" download>
          {t("downloadCsv")}
        </a>
      </div>
      {list.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noTrades")}</p>
      ) : (
        <DataTable
          caption={t("historyTitle")}
          rows={list.items}
          rowKey={(r) => r.id}
          columns={[
            { key: "when", header: t("colWhen"), className: "whitespace-nowrap", cell: (r) => format.dateTime(r.createdAt) },
            { key: "side", header: t("colSide"), cell: (r) => <Badge tone={r.side === "buy" ? "success" : "info"}>{t(`sides.${r.side}`)}</Badge> },
            { key: "grams", header: t("colGrams"), numeric: true, cell: (r) => formatGrams(r.units, loc) },
            { key: "price", header: t("colPrice"), numeric: true, cell: (r) => formatRupiah(r.pricePerGram, loc) },
            { key: "rupiah", header: t("colRupiah"), numeric: true, cell: (r) => formatRupiah(r.rupiah, loc) },
            { key: "source", header: t("colSource"), cell: (r) => t(`sources.${r.source}`) },
          ]}
        />
      )}
      <Pagination
        page={list.page}
        hasNext={list.page < pages}
        basePath="/lender/gold"
        params={{}}
        labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: list.page, pages }), nav: t("historyPagination") }}
      />
    </Card>
  );
}
