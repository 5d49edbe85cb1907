import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { formatRupiah } from "@/lib/money/format";
import { LoanStatusBadge } from "./status-badge";

type Row = { number: number; dueDate: Date; principal: bigint; interest: bigint; total: bigint; paid: bigint; status: string };

export async function ScheduleTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const [t, format, locale] = await Promise.all([getTranslations("loans"), getFormat(), getLocale()]);
  const loc = locale as "en" | "id";
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-slate-600">
            <th scope="col" className="py-2">{t("no")}</th>
            <th scope="col" className="py-2">{t("dueDate")}</th>
            <th scope="col" className="py-2 text-right">{t("principal")}</th>
            <th scope="col" className="py-2 text-right">{t("interest")}</th>
            <th scope="col" className="py-2 text-right">{t("total")}</th>
            <th scope="col" className="py-2 text-right">{t("paid")}</th>
            <th scope="col" className="py-2">{t("statusCol")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.number} className="border-t border-slate-200">
              <td className="py-2">{r.number}</td>
              <td className="py-2">{format.date(r.dueDate)}</td>
              <td className="py-2 text-right">{formatRupiah(r.principal, loc)}</td>
              <td className="py-2 text-right">{formatRupiah(r.interest, loc)}</td>
              <td className="py-2 text-right font-semibold">{formatRupiah(r.total, loc)}</td>
              <td className="py-2 text-right">{formatRupiah(r.paid, loc)}</td>
              <td className="py-2">
                <LoanStatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
