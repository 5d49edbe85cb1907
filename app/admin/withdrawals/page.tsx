import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { WithdrawalDecision } from "@/components/admin/withdrawal-decision";
import { WalletSettingsForm } from "@/components/admin/wallet-settings-form";
import { PillNav } from "@/components/ui/pill-nav";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
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
  const [t, tw, tt, format, locale, queue, settings] = await Promise.all([
    getTranslations("adminWallet"),
    getTranslations("wallet"),
    getTranslations("table"),
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
          <DataTable
            caption={t("withdrawalsTitle")}
            testId="withdrawal-queue"
            rows={queue.items}
            rowKey={(w) => w.id}
            columns={[
              {
                key: "user",
                header: t("user"),
                primary: true,
                cell: (w) => (
                  <>
                    <span className="block font-semibold">{w.user.fullName}</span>
                    <span className="block font-normal break-all text-slate-700">{w.user.email}</span>
                    {w.reason ? <span className="block font-normal text-slate-600">{tw("reason", { reason: w.reason })}</span> : null}
                  </>
                ),
              },
              { key: "amount", header: t("amount"), numeric: true, className: "font-semibold", cell: (w) => formatRupiah(w.amount, loc) },
              { key: "fee", header: t("fee"), numeric: true, cell: (w) => formatRupiah(w.fee, loc) },
              {
                key: "account",
                header: t("bankAccount"),
                cell: (w) => (
                  <>
                    <span className="block">{bankName(w.bankCode)} {w.accountNumber}</span>
                    <span className="block text-slate-600">{w.holderName}</span>
                  </>
                ),
              },
              { key: "requested", header: t("requestedAt"), className: "whitespace-nowrap", cell: (w) => format.dateTime(w.createdAt) },
              {
                key: "actions",
                header: tt("actions"),
                srOnlyHeader: true,
                hideLabel: true,
                cell: (w) =>
                  w.status === "requested" ? (
                    <WithdrawalDecision id={w.id} label={{ amount: formatRupiah(w.amount, loc), name: w.user.fullName }} approve={approveWithdrawalAction} reject={rejectWithdrawalAction} />
                  ) : null,
              },
            ]}
          />
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
