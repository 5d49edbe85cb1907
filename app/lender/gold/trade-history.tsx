import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
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
        <div className="overflow-x-auto">
          <table className="w-full whitespace-nowrap text-sm">
            <caption className="sr-only">{t("historyTitle")}</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col">{t("colWhen")}</th>
                <th scope="col">{t("colSide")}</th>
                <th scope="col" className="text-right">{t("colGrams")}</th>
                <th scope="col" className="text-right">{t("colPrice")}</th>
                <th scope="col" className="text-right">{t("colRupiah")}</th>
                <th scope="col" className="pl-3">{t("colSource")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id} className="border-t border-slate-100">
                  <td className="py-2 pr-2">{format.dateTime(r.createdAt)}</td>
                  <td className="py-2 pr-2">
                    <Badge tone={r.side === "buy" ? "success" : "info"}>{t(`sides.${r.side}`)}</Badge>
                  </td>
                  <td className="py-2 pr-2 text-right tabular-nums">{formatGrams(r.units, loc)}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{formatRupiah(r.pricePerGram, loc)}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{formatRupiah(r.rupiah, loc)}</td>
                  <td className="py-2 pl-3">{t(`sources.${r.source}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
