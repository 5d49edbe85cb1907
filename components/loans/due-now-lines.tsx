import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { formatRupiah } from "@/lib/money/format";

type Line = { kind: "overdue" | "next"; number: number; dueDate: Date; amount: bigint } | { kind: "lateFees"; amount: bigint };

/** What the Pay button takes, line by line; the total row is the sum of the lines shown. */
export async function DueNowLines({ lines }: { lines: Line[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("loanPay"), getFormat(), getLocale()]);
  const loc = locale as "en" | "id";
  const total = lines.reduce((s, l) => s + l.amount, 0n);
  const label = (l: Line) =>
    l.kind === "lateFees" ? t("lateFees") : t(l.kind, { number: l.number, date: format.date(l.dueDate) });
  return (
    <div className="mb-3">
      <h3 className="text-sm font-semibold">{t("title")}</h3>
      <dl className="mt-1 divide-y divide-slate-200 text-sm" data-testid="due-now-lines">
        {lines.map((l) => (
          <div key={l.kind === "lateFees" ? "fees" : `${l.kind}-${l.number}`} className="flex justify-between gap-3 py-1.5">
            <dt className={l.kind === "next" ? "text-slate-700" : "text-red-800"}>{label(l)}</dt>
            <dd className="whitespace-nowrap tabular-nums">{formatRupiah(l.amount, loc)}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-3 py-1.5 font-semibold">
          <dt>{t("total")}</dt>
          <dd className="whitespace-nowrap tabular-nums">{formatRupiah(total, loc)}</dd>
        </div>
      </dl>
    </div>
  );
}
