import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Amount } from "@/components/ui/amount";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { BalanceCard } from "@/components/wallet/balance-card";
import { BankAccounts } from "@/components/wallet/bank-accounts";
import { TopUpForm } from "@/components/wallet/top-up-form";
import { WithdrawForm } from "@/components/wallet/withdraw-form";
import { getRequestCtx } from "@/lib/auth/session";
import { formatRupiah } from "@/lib/money/format";
import { listMyTopUps } from "@/lib/payments";
import { bankName, getMyWallet, listMyBankAccounts, listMyMovements, listMyWithdrawals, MOVEMENT_TYPES } from "@/lib/wallet";
import { isDomainError } from "@/lib/errors";
import { addBankAccountAction, removeBankAccountAction, requestTopUpAction, requestWithdrawalAction } from "./actions";

export type WalletSearchParams = { type?: string; from?: string; to?: string; page?: string };

const statusTone = { pending: "warning", paid: "success", expired: "neutral", requested: "warning", approved: "info", rejected: "danger" } as const;

/** The wallet page shared by lenders and borrowers. */
export async function WalletScreen({ area, searchParams }: { area: "lender" | "borrower"; searchParams: WalletSearchParams }) {
  const ctx = await getRequestCtx();
  const [t, format, locale] = await Promise.all([getTranslations("wallet"), getFormat(), getLocale()]);
  const loc = locale as "en" | "id";
  const filters = {
    type: MOVEMENT_TYPES.includes(searchParams.type as never) ? searchParams.type : undefined,
    from: searchParams.from || undefined,
    to: searchParams.to || undefined,
  };
  const page = Math.max(1, Number.parseInt(searchParams.page ?? "1", 10) || 1);
  const [wallet, accounts, topUps, withdrawalList, movements] = await Promise.all([
    getMyWallet({ ctx }),
    listMyBankAccounts({ ctx }),
    listMyTopUps({ ctx, input: { pageSize: 5 } }),
    listMyWithdrawals({ ctx, input: { pageSize: 5 } }),
    listMyMovements({ ctx, input: { ...filters, page, pageSize: 20 } }).catch((e) => {
      if (isDomainError(e)) return { items: [], total: 0, page: 1, pageSize: 20, invalid: true };
      throw e;
    }),
  ]);
  const accountOptions = accounts.map((a) => ({ id: a.id, bankName: bankName(a.bankCode), accountNumber: a.accountNumber, holderName: a.holderName }));
  const pages = Math.max(1, Math.ceil(movements.total / movements.pageSize));
  const csvQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  const base = `/${area}/wallet`;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <BalanceCard initial={{ available: wallet.available.toString(), reserved: wallet.reserved.toString(), total: wallet.total.toString() }} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("topUpTitle")}>
          <TopUpForm action={requestTopUpAction} />
        </Card>
        <Card title={t("withdrawTitle")}>
          <WithdrawForm accounts={accountOptions} action={requestWithdrawalAction} />
        </Card>
      </div>
      <Card title={t("bankAccountsTitle")}>
        <BankAccounts accounts={accountOptions} addAction={addBankAccountAction} removeAction={removeBankAccountAction} />
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("topUpsTitle")}>
          {topUps.items.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noTopUps")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm">
              {topUps.items.map((tu) => (
                <li key={tu.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Amount>{formatRupiah(tu.amount, loc)}</Amount> · {tu.method === "va" ? `VA ${tu.bank}` : "QRIS"}
                  </span>
                  <span className="flex items-center gap-2">
                    <Badge tone={statusTone[tu.status]}>{t(`status.${tu.status}`)}</Badge>
                    <Link className="font-semibold text-brand-700 underline" href={`${base}/topups/${tu.id}`}>
                      {t("viewTopUp")}
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("withdrawalsTitle")}>
          {withdrawalList.items.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noWithdrawals")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm">
              {withdrawalList.items.map((w) => (
                <li key={w.id} className="space-y-1 py-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <Amount>{formatRupiah(w.amount, loc)}</Amount> → {bankName(w.bankCode)} {w.accountNumber}
                    </span>
                    <Badge tone={statusTone[w.status as keyof typeof statusTone] ?? "neutral"}>{t(`status.${w.status}`)}</Badge>
                  </div>
                  {w.reason ? <p className="text-slate-600">{t("reason", { reason: w.reason })}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t("historyTitle")}>
        <form method="get" action={base} className="mb-4 grid gap-3 sm:grid-cols-4 sm:items-end">
          <div className="space-y-1">
            <label htmlFor="filter-type" className="block text-sm font-medium text-slate-800">
              {t("filterType")}
            </label>
            <select id="filter-type" name="type" defaultValue={filters.type ?? ""} className="block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3">
              <option value="">{t("allTypes")}</option>
              {MOVEMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-from" className="block text-sm font-medium text-slate-800">
              {t("from")}
            </label>
            <input id="filter-from" name="from" type="date" defaultValue={filters.from} className="block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3" />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-to" className="block text-sm font-medium text-slate-800">
              {t("to")}
            </label>
            <input id="filter-to" name="to" type="date" defaultValue={filters.to} className="block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3" />
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("secondary")}>
              {t("applyFilters")}
            </button>
            <a href={`/api/v1/wallet/movements.csv${csvQuery ? `?${csvQuery}` : ""}`} className={buttonClass("ghost")} download>
              {t("downloadCsv")}
            </a>
          </div>
        </form>
        {movements.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noMovements")}</p>
        ) : (
          <DataTable
            caption={t("historyTitle")}
            testId="wallet-history"
            rows={movements.items}
            rowKey={(m) => m.transferId.toString()}
            columns={[
              { key: "date", header: t("date"), cell: (m) => format.dateTime(m.occurredAt) },
              { key: "type", header: t("type"), primary: true, cell: (m) => (t.has(`types.${m.type}`) ? t(`types.${m.type}`) : m.type) },
              {
                key: "amount",
                header: t("amount"),
                numeric: true,
                cell: (m) => (
                  <span className={`font-semibold ${m.amount < 0n ? "text-red-800" : "text-emerald-800"}`}>
                    {m.amount > 0n ? "+" : ""}
                    {formatRupiah(m.amount, loc)}
                  </span>
                ),
              },
            ]}
          />
        )}
        <Pagination
          page={movements.page}
          hasNext={movements.page < pages}
          basePath={base}
          params={{ type: filters.type, from: filters.from, to: filters.to }}
          labels={{ previous: t("previous"), next: t("next"), page: t("pageOf", { page: movements.page, pages }), nav: t("pagination") }}
        />
      </Card>
    </div>
  );
}
