import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { formatRupiah } from "@/lib/money/format";
import { LoanStatusBadge } from "./status-badge";

type Row = { number: number; dueDate: Date; principal: bigint; interest: bigint; total: bigint; paid: bigint; status: string };

/**
 * A loan's repayment schedule: a table from 640 px up, one card per installment below (nothing cut
 * off on a phone). With `lateFees` (charged > 0) a "Late fees" line closes the schedule: fees are
 * charged per day on the loan's overdue amount, not per installment, so they are one line.
 */
export async function ScheduleTable({ rows, caption, lateFees }: { rows: Row[]; caption: string; lateFees?: { charged: bigint; paid: bigint } }) {
  const [t, tp, format, locale] = await Promise.all([getTranslations("loans"), getTranslations("loanPay"), getFormat(), getLocale()]);
  const loc = locale as "en" | "id";
  const rp = (v: bigint) => formatRupiah(v, loc);
  const fees = lateFees && lateFees.charged > 0n ? { ...lateFees, outstanding: lateFees.charged - lateFees.paid } : null;
  const feeStatus = fees ? (fees.outstanding > 0n ? "overdue" : "paid") : null;
  const num = "whitespace-nowrap py-2 pl-4 text-right tabular-nums";
  return (
    <div>
      <div className="hidden sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="py-2 pr-4">{t("no")}</th>
              <th scope="col" className="py-2 pr-4">{t("dueDate")}</th>
              <th scope="col" className="py-2 pl-4 text-right">{t("principal")}</th>
              <th scope="col" className="py-2 pl-4 text-right">{t("interest")}</th>
              <th scope="col" className="py-2 pl-4 text-right">{t("total")}</th>
              <th scope="col" className="py-2 pl-4 text-right">{t("paid")}</th>
              <th scope="col" className="py-2 pl-4">{t("statusCol")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.number} className="border-t border-slate-200">
                <td className="py-2 pr-4">{r.number}</td>
                <td className="whitespace-nowrap py-2 pr-4">{format.date(r.dueDate)}</td>
                <td className={num}>{rp(r.principal)}</td>
                <td className={num}>{rp(r.interest)}</td>
                <td className={`${num} font-semibold`}>{rp(r.total)}</td>
                <td className={num}>{rp(r.paid)}</td>
                <td className="py-2 pl-4">
                  <LoanStatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
          {fees ? (
            <tfoot>
              <tr className="border-t-2 border-slate-300">
                <th scope="row" colSpan={4} className="py-2 pr-4 font-medium">
                  {tp("lateFeesRow")}
                </th>
                <td className={`${num} font-semibold`}>{rp(fees.charged)}</td>
                <td className={num}>{rp(fees.paid)}</td>
                <td className="py-2 pl-4">
                  <LoanStatusBadge status={feeStatus!} />
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      <ol className="space-y-3 sm:hidden" aria-label={caption}>
        {rows.map((r) => (
          <li key={r.number} className="rounded-xl p-3 ring-1 ring-slate-200">
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-semibold">
                {t("no")} {r.number} · <span className="font-normal">{format.date(r.dueDate)}</span>
              </p>
              <LoanStatusBadge status={r.status} />
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("principal")}</dt>
              <dd className="whitespace-nowrap text-right tabular-nums">{rp(r.principal)}</dd>
              <dt className="text-slate-600">{t("interest")}</dt>
              <dd className="whitespace-nowrap text-right tabular-nums">{rp(r.interest)}</dd>
              <dt className="text-slate-600">{t("total")}</dt>
              <dd className="whitespace-nowrap text-right font-semibold tabular-nums">{rp(r.total)}</dd>
              <dt className="text-slate-600">{t("paid")}</dt>
              <dd className="whitespace-nowrap text-right tabular-nums">{rp(r.paid)}</dd>
            </dl>
          </li>
        ))}
        {fees ? (
          <li className="rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200">
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-semibold">{tp("lateFeesRow")}</p>
              <LoanStatusBadge status={feeStatus!} />
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("total")}</dt>
              <dd className="whitespace-nowrap text-right font-semibold tabular-nums">{rp(fees.charged)}</dd>
              <dt className="text-slate-600">{t("paid")}</dt>
              <dd className="whitespace-nowrap text-right tabular-nums">{rp(fees.paid)}</dd>
            </dl>
          </li>
        ) : null}
      </ol>
      {fees ? <p className="mt-3 text-sm text-slate-600">{tp("lateFeesNote")}</p> : null}
    </div>
  );
}
