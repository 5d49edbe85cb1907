import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
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
        <DataTable
          caption={t("ledgerTitle")}
          rows={health.checks}
          rowKey={(c) => c.name}
          columns={[
            { key: "check", header: t("check"), primary: true, cell: (c) => (t.has(`checks.${c.name}`) ? t(`checks.${c.name}`) : c.name) },
            { key: "result", header: t("result"), cell: (c) => <Badge tone={c.ok ? "success" : "danger"}>{c.ok ? t("ok") : t("failing")}</Badge> },
          ]}
        />
      </Card>
      <Card title={t("trialBalance")}>
        <DataTable
          caption={t("trialBalance")}
          rows={health.trialBalance}
          rowKey={(row) => `${row.accountType}-${row.unit}`}
          columns={[
            { key: "type", header: t("accountType"), primary: true, className: "font-mono", cell: (row) => row.accountType },
            { key: "unit", header: t("unit"), className: "font-mono", cell: (row) => row.unit },
            { key: "accounts", header: t("accounts"), numeric: true, cell: (row) => row.accounts },
            { key: "debits", header: t("debits"), numeric: true, cell: (row) => groupThousands(row.debits) },
            { key: "credits", header: t("credits"), numeric: true, cell: (row) => groupThousands(row.credits) },
            { key: "balance", header: t("balance"), numeric: true, cell: (row) => groupThousands(row.balance) },
          ]}
        />
      </Card>
    </div>
  );
}
