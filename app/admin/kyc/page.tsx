import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Badge } from "@/components/ui/badge";
import { PillNav } from "@/components/ui/pill-nav";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { KYC_PROFILE_STATUSES, listKycQueue } from "@/lib/kyc";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminKyc");
  return { title: t("queueTitle") };
}

const FILTERS = KYC_PROFILE_STATUSES.filter((s) => s !== "draft");

export default async function KycQueuePage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const status = FILTERS.includes(sp.status as never) ? (sp.status as (typeof FILTERS)[number]) : "submitted";
  const [t, tk, tw, ta, tt, format, queue] = await Promise.all([
    getTranslations("adminKyc"),
    getTranslations("kyc"),
    getTranslations("wallet"),
    getTranslations("adminWallet"),
    getTranslations("table"),
    getFormat(),
    listKycQueue({ ctx, input: { status, page: sp.page ?? 1 } }),
  ]);
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("queueTitle")}</h1>
      <PillNav label={t("filter")} current={status} items={FILTERS.map((s) => ({ key: s, href: `/admin/kyc?status=${s}`, label: tk(`status.${s}`) }))} />
      <Card>
        {queue.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <DataTable
            caption={t("queueTitle")}
            testId="kyc-queue"
            rows={queue.items}
            rowKey={(item) => item.userId}
            columns={[
              {
                key: "user",
                header: ta("user"),
                primary: true,
                cell: (item) => (
                  <>
                    <span className="block font-semibold">{item.fullName}</span>
                    <span className="block font-normal break-all text-slate-700">{item.email}</span>
                  </>
                ),
              },
              {
                key: "submitted",
                header: t("submittedAt"),
                cell: (item) => (
                  <>
                    <span className="whitespace-nowrap">{item.submittedAt ? format.dateTime(item.submittedAt) : "—"}</span>
                    <span className="block text-slate-600">{t("version", { version: item.version })}</span>
                  </>
                ),
              },
              {
                key: "status",
                header: ta("status"),
                cell: (item) => <Badge tone={item.status === "approved" ? "success" : item.status === "rejected" ? "danger" : "warning"}>{tk(`status.${item.status}`)}</Badge>,
              },
              {
                key: "actions",
                header: tt("actions"),
                srOnlyHeader: true,
                hideLabel: true,
                cell: (item) => (
                  <Link className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline" href={`/admin/kyc/${item.userId}`}>
                    {t("review", { name: item.fullName })}
                  </Link>
                ),
              },
            ]}
          />
        )}
        <Pagination
          page={queue.page}
          hasNext={queue.page < pages}
          basePath="/admin/kyc"
          params={{ status }}
          labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: queue.page, pages }), nav: tw("pagination") }}
        />
      </Card>
    </div>
  );
}
