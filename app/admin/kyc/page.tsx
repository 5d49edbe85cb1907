import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Badge } from "@/components/ui/badge";
import { PillNav } from "@/components/ui/pill-nav";
import { Card } from "@/components/ui/card";
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
  const [t, tk, tw, format, queue] = await Promise.all([
    getTranslations("adminKyc"),
    getTranslations("kyc"),
    getTranslations("wallet"),
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
          <ul className="divide-y divide-slate-200">
            {queue.items.map((item) => (
              <li key={item.userId} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div className="space-y-0.5">
                  <p className="font-semibold">
                    {item.fullName} ({item.email})
                  </p>
                  <p className="text-slate-700">
                    {t("submittedAt")}: {item.submittedAt ? format.dateTime(item.submittedAt) : "—"} ·{" "}
                    {t("version", { version: item.version })}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <Badge tone={item.status === "approved" ? "success" : item.status === "rejected" ? "danger" : "warning"}>{tk(`status.${item.status}`)}</Badge>
                  <Link className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline" href={`/admin/kyc/${item.userId}`}>
                    {t("review", { name: item.fullName })}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
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
