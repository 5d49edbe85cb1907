import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { AdminGoldWithdrawalActions } from "@/components/gold/admin-gold-withdrawal-actions";
import { WITHDRAWAL_TONES } from "@/components/gold/gold-withdrawals";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { PillNav } from "@/components/ui/pill-nav";
import { getRequestCtx } from "@/lib/auth/session";
import { listGoldWithdrawalQueue } from "@/lib/gold";
import { GOLD_WITHDRAWAL_STATUSES, type GoldWithdrawalStatus } from "@/lib/gold/schemas";
import { formatRupiah } from "@/lib/money/format";
import { formatGrams } from "@/lib/money/gold";
import { advanceGoldWithdrawalAction, cancelGoldWithdrawalAction } from "./actions";

/** Bar requests by status, oldest first, with the next step or a cancellation for each. */
export async function WithdrawalQueue({ status, page }: { status: GoldWithdrawalStatus; page?: string }) {
  const ctx = await getRequestCtx();
  const [t, tg, tw, format, locale, queue] = await Promise.all([
    getTranslations("adminGold"),
    getTranslations("gold"),
    getTranslations("wallet"),
    getFormat(),
    getLocale(),
    listGoldWithdrawalQueue({ ctx, input: { status, page: /^\d{1,6}$/.test(page ?? "") ? page : 1 } }),
  ]);
  const loc = locale as "en" | "id";
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  return (
    <Card title={t("withdrawalsTitle")}>
      <div className="mb-3">
        <PillNav label={t("filter")} current={status} items={GOLD_WITHDRAWAL_STATUSES.map((s) => ({ key: s, href: `/admin/gold?status=${s}`, label: tg(`withdrawalStatus.${s}`) }))} />
      </div>
      {queue.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {queue.items.map((w) => {
            const name = `${w.user.fullName} · ${w.quantity} × ${w.barGrams} g`;
            return (
              <li key={w.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div className="min-w-0 space-y-0.5">
                  <p className="font-semibold">
                    {t("requestLine", { quantity: w.quantity, bar: w.barGrams, grams: formatGrams(w.units, loc), name: w.user.fullName, email: w.user.email })}{" "}
                    <Badge tone={WITHDRAWAL_TONES[w.status]}>{tg(`withdrawalStatus.${w.status}`)}</Badge>
                  </p>
                  <p className="text-slate-700">
                    {t("requestMeta", { date: format.dateTime(w.createdAt), fee: formatRupiah(w.fee, loc), days: w.leadTimeDays })}
                  </p>
                  <p className="break-words text-slate-600">{t("address", { address: w.address })}</p>
                  {w.cancelReason ? <p className="text-slate-600">{tg("cancelReasonLine", { reason: w.cancelReason })}</p> : null}
                </div>
                <AdminGoldWithdrawalActions id={w.id} status={w.status} name={name} advance={advanceGoldWithdrawalAction} cancel={cancelGoldWithdrawalAction} />
              </li>
            );
          })}
        </ul>
      )}
      <Pagination
        page={queue.page}
        hasNext={queue.page < pages}
        basePath="/admin/gold"
        params={{ status }}
        labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: queue.page, pages }), nav: t("withdrawalsTitle") }}
      />
    </Card>
  );
}
