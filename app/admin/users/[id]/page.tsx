import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Badge } from "@/components/ui/badge";
import { Card, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatRupiah } from "@/lib/money/format";
import { bankName, getUserWalletForAdmin, listUserMovementsForAdmin } from "@/lib/wallet";
import { getUserAccountStatus } from "@/lib/system/user-suspension";
import { UserSuspension } from "@/components/admin/user-suspension";
import { reactivateUserAction, suspendUserAction } from "../actions";

export default async function AdminUserWalletPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const data = await getUserWalletForAdmin({ ctx, input: { userId: id } }).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, tw, ts, t360, format, locale, movements, account] = await Promise.all([
    getTranslations("adminWallet"),
    getTranslations("wallet"),
    getTranslations("security"),
    getTranslations("user360"),
    getFormat(),
    getLocale(),
    listUserMovementsForAdmin({ ctx, input: { userId: id, pageSize: 50 } }),
    getUserAccountStatus({ ctx, input: { userId: id } }),
  ]);
  const loc = locale as "en" | "id";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("userWalletTitle", { name: data.user.fullName })}</h1>
      <p className="text-sm text-slate-700">{data.user.email}</p>
      <p className="text-sm">
        <Link href={`/admin/users/${id}/profile`} className="font-semibold text-brand-700 underline">{t360("openProfileShort")}</Link>
      </p>
      <Card title={ts("accountTitle")}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm">
            {account.suspendedAt ? (
              <Badge tone="danger">{ts("suspendedSince", { date: format.dateTime(account.suspendedAt) })}</Badge>
            ) : (
              <Badge tone="success">{ts("active")}</Badge>
            )}
          </p>
          {account.isSelf ? null : (
            <UserSuspension userId={id} name={data.user.fullName} suspended={Boolean(account.suspendedAt)} suspend={suspendUserAction} reactivate={reactivateUserAction} />
          )}
        </div>
      </Card>
      <Card>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Stat label={tw("available")} value={formatRupiah(data.wallet.available, loc)} />
          <Stat label={tw("reserved")} value={formatRupiah(data.wallet.reserved, loc)} />
          <Stat label={tw("total")} value={formatRupiah(data.wallet.total, loc)} />
        </dl>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={tw("bankAccountsTitle")}>
          {data.bankAccounts.length === 0 ? (
            <p className="text-sm">{tw("noSavedAccounts")}</p>
          ) : (
            <ul className="text-sm">
              {data.bankAccounts.map((b) => (
                <li key={b.id}>
                  {bankName(b.bankCode)} {b.accountNumber} · {b.holderName}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={tw("topUpsTitle")}>
          {data.recentTopUps.length === 0 ? (
            <p className="text-sm">{tw("noTopUps")}</p>
          ) : (
            <ul className="text-sm">
              {data.recentTopUps.map((tu) => (
                <li key={tu.id} className="flex justify-between gap-2 py-1">
                  <span>{formatRupiah(tu.amount, loc)}</span>
                  <Badge>{tw(`status.${tu.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={tw("historyTitle")}>
        {movements.items.length === 0 ? (
          <p className="text-sm">{tw("noMovements")}</p>
        ) : (
          <DataTable
            caption={tw("historyTitle")}
            rows={movements.items}
            rowKey={(m) => m.transferId.toString()}
            columns={[
              { key: "date", header: tw("date"), cell: (m) => format.dateTime(m.occurredAt) },
              { key: "type", header: tw("type"), primary: true, cell: (m) => (tw.has(`types.${m.type}`) ? tw(`types.${m.type}`) : m.type) },
              { key: "amount", header: tw("amount"), numeric: true, cell: (m) => formatRupiah(m.amount, loc) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
