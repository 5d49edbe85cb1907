import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { WithdrawalDecision } from "@/components/admin/withdrawal-decision";
import { WalletSettingsForm } from "@/components/admin/wallet-settings-form";
import { PillNav } from "@/components/ui/pill-nav";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { formatRupiah } from "@/lib/money/format";
import { bankName, getWalletSettings, listWithdrawalQueue, WITHDRAWAL_STATUSES } from "@/lib/wallet";
import { approveWithdrawalAction, rejectWithdrawalAction, updateWalletSettingsAction } from "../wallet-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminWallet");
  return { title: t("withdrawalsTitle") };
}

export default async function WithdrawalQueuePage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const status = WITHDRAWAL_STATUSES.includes(sp.status as never) ? (sp.status as (typeof WITHDRAWAL_STATUSES)[number]) : "requested";
  const [t, tw, format, locale, queue, settings] = await Promise.all([
    getTranslations("adminWallet"),
    getTranslations("wallet"),
    getFormat(),
    getLocale(),
    listWithdrawalQueue({ ctx, input: { status, page: sp.page ?? 1 } }),
    getWalletSettings({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("withdrawalsTitle")}</h1>
      <PillNav label={t("filter")} current={status} items={WITHDRAWAL_STATUSES.map((s) => ({ key: s, href: `/admin/withdrawals?status=${s}`, label: tw(`status.${s}`) }))} />
      <Card>
        {queue.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {queue.items.map((w) => {
              const amount = formatRupiah(w.amount, loc);
              return (
                <li key={w.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <div className="space-y-0.5">
                    <p className="font-semibold">
                      {amount} · {w.user.fullName} ({w.user.email})
                    </p>
                    <p className="text-slate-700">
                      {bankName(w.bankCode)} {w.accountNumber} · {w.holderName} · {t("fee")}: {formatRupiah(w.fee, loc)}
                    </p>
                    <p className="text-slate-600">
                      {t("requestedAt")}: {format.dateTime(w.createdAt)}
                    </p>
                    {w.reason ? <p className="text-slate-600">{tw("reason", { reason: w.reason })}</p> : null}
                  </div>
                  {w.status === "requested" ? (
                    <WithdrawalDecision id={w.id} label={{ amount, name: w.user.fullName }} approve={approveWithdrawalAction} reject={rejectWithdrawalAction} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <Pagination
          page={queue.page}
          hasNext={queue.page < pages}
          basePath="/admin/withdrawals"
          params={{ status }}
          labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: queue.page, pages }), nav: tw("pagination") }}
        />
      </Card>
      <Card title={t("settingsTitle")}>
        <WalletSettingsForm
          initial={{ withdrawalFee: settings.withdrawalFee.toString(), autoApproveBelow: settings.autoApproveBelow.toString() }}
          action={updateWalletSettingsAction}
        />
      </Card>
    </div>
  );
}
