"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { formatRupiah } from "@/lib/money/format";

/** A strategy as the list shows it (bigints as strings across the server/client boundary). */
export type StrategyRowJson = { id: string; name: string; active: boolean; amountPerLoan: string; budget: string; invested: string; budgetUsed: string; outstanding: string; boughtCount: number };

/** One strategy in the priority list: the on/off switch, figures, reorder, edit and delete. */
export function StrategyCard({
  s,
  index,
  count,
  pending,
  onToggle,
  onMove,
  onDelete,
}: {
  s: StrategyRowJson;
  index: number;
  count: number;
  pending: boolean;
  onToggle: (active: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const t = useTranslations("autoPurchase.list");
  const locale = useLocale() as "en" | "id";
  const rp = (v: string) => formatRupiah(v, locale);
  const switchId = `strategy-active-${s.id}`;
  return (
    <li className="min-w-0 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-base font-semibold break-words">
            <span className="mr-2 text-slate-500">{index + 1}.</span>
            <Link href={`/lender/auto-purchase/${s.id}`} className="text-brand-700 underline">
              {s.name}
            </Link>
          </h3>
        </div>
        <div className="flex min-h-11 items-center gap-2 text-sm">
          {/* A real checkbox with the switch role: its name says which strategy it runs. */}
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            aria-label={t("toggle", { name: s.name })}
            className="h-6 w-6 cursor-pointer accent-brand-700"
            checked={s.active}
            disabled={pending}
            onChange={(e) => onToggle(e.target.checked)}
          />
          <label htmlFor={switchId} className="cursor-pointer font-medium">
            {s.active ? t("on") : t("paused")}
          </label>
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <div className="min-w-0">
          <dt className="text-slate-600">{t("invested")}</dt>
          <dd className="amount font-semibold">{rp(s.invested)}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-600">{t("outstanding")}</dt>
          <dd className="amount font-semibold">{rp(s.outstanding)}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-600">{t("budgetUsed")}</dt>
          <dd className="font-semibold tabular-nums">{t("outstandingOfBudget", { outstanding: rp(s.budgetUsed), budget: rp(s.budget) })}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-600">{t("perLoan")}</dt>
          <dd className="amount font-semibold">{rp(s.amountPerLoan)}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-600">{t("loansBought")}</dt>
          <dd className="font-semibold">{s.boughtCount}</dd>
        </div>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" aria-label={t("moveUp", { name: s.name })} disabled={pending || index === 0} onClick={() => onMove(-1)}>
          ↑
        </Button>
        <Button variant="secondary" aria-label={t("moveDown", { name: s.name })} disabled={pending || index === count - 1} onClick={() => onMove(1)}>
          ↓
        </Button>
        <Link href={`/lender/auto-purchase/${s.id}/edit`} className={buttonClass("secondary")} aria-label={t("editName", { name: s.name })}>
          {t("edit")}
        </Link>
        <Button variant="ghost" aria-label={t("deleteName", { name: s.name })} disabled={pending} onClick={onDelete}>
          {t("delete")}
        </Button>
      </div>
    </li>
  );
}
