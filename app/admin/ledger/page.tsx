import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { ledgerHealth } from "@/lib/ledger";
import { groupThousands } from "@/lib/money/rupiah";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminWallet");
  return { title: t("ledgerTitle") };
}

export default async function LedgerHealthPage() {
  const ctx = await getRequestCtx();
  const [t, format, health] = await Promise.all([getTranslations("adminWallet"), getFormat(), ledgerHealth({ ctx })]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("ledgerTitle")}</h1>
      <p role="status" className={`rounded-lg px-3 py-2 font-semibold ${health.ok ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`}>
        {health.ok ? t("allGreen") : t("notGreen")}
      </p>
      <p className="text-sm text-slate-600">{t("checkedAt", { at: format.dateTime(health.checkedAt, { seconds: true }) })}</p>
      <Card>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("ledgerTitle")}</caption>
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="py-2">{t("check")}</th>
              <th scope="col" className="py-2">{t("result")}</th>
            </tr>
          </thead>
          <tbody>
            {health.checks.map((c) => (
              <tr key={c.name} className="border-t border-slate-200">
                <td className="py-2">{t.has(`checks.${c.name}`) ? t(`checks.${c.name}`) : c.name}</td>
                <td className="py-2">
                  <Badge tone={c.ok ? "success" : "danger"}>{c.ok ? t("ok") : t("failing")}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title={t("trialBalance")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-2">{t("accountType")}</th>
                <th scope="col" className="py-2">{t("unit")}</th>
                <th scope="col" className="py-2 text-right">{t("accounts")}</th>
                <th scope="col" className="py-2 text-right">{t("debits")}</th>
                <th scope="col" className="py-2 text-right">{t("credits")}</th>
                <th scope="col" className="py-2 text-right">{t("balance")}</th>
              </tr>
            </thead>
            <tbody>
              {health.trialBalance.map((row) => (
                <tr key={`${row.accountType}-${row.unit}`} className="border-t border-slate-200 font-mono">
                  <td className="py-2">{row.accountType}</td>
                  <td className="py-2">{row.unit}</td>
                  <td className="py-2 text-right">{row.accounts}</td>
                  <td className="py-2 text-right">{groupThousands(row.debits)}</td>
                  <td className="py-2 text-right">{groupThousands(row.credits)}</td>
                  <td className="py-2 text-right">{groupThousands(row.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
