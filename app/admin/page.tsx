import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getRequestCtx } from "@/lib/auth/session";
import { countEventsLastDay } from "@/lib/engagement/queries";
import { countKycWaiting } from "@/lib/kyc";
import { getAdminOverview } from "@/lib/system/admin-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("dashboardTitle") };
}

export default async function AdminDashboardPage() {
  const ctx = await getRequestCtx();
  const [t, tc, overview, events, kycWaiting] = await Promise.all([
    getTranslations("admin"),
    getTranslations("eventCatalogue"),
    getAdminOverview({ ctx }),
    countEventsLastDay({ ctx }),
    countKycWaiting({ ctx }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("dashboardTitle")}</h1>
      <Card title={t("usersTitle")}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("lenders")} value={overview.usersByRole.lender} />
          <Stat label={t("borrowers")} value={overview.usersByRole.borrower} />
          <Stat label={t("admins")} value={overview.usersByRole.admin} />
          <Stat label={t("liveWorkers")} value={overview.liveWorkers} />
          <Stat label={t("kycWaiting")} value={kycWaiting} />
        </dl>
        <Link href="/admin/kyc" className="mt-3 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline">
          {t("openKycQueue")}
        </Link>
      </Card>
      <Card title={t("eventsTitle")}>
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noEvents")}</p>
        ) : (
          <DataTable
            caption={t("eventsTitle")}
            rows={events}
            rowKey={(e) => e.name}
            columns={[
              { key: "name", header: t("eventName"), className: "font-mono break-all", cell: (e) => e.name },
              { key: "count", header: t("eventCount"), numeric: true, cell: (e) => e.total },
            ]}
          />
        )}
        <Link href="/admin/engagement/events" className="mt-3 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline">
          {tc("openCatalogue")}
        </Link>
      </Card>
    </div>
  );
}
