import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { listSegments } from "@/lib/engagement";
import { getFormat } from "@/lib/money/format-server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("segments");
  return { title: t("title") };
}

export default async function SegmentsPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const status = sp.status === "archived" ? "archived" : "active";
  const [t, format, list] = await Promise.all([getTranslations("segments"), getFormat(), listSegments({ ctx, input: { status, page: sp.page ?? 1 } })]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{status === "archived" ? t("archivedTitle") : t("title")}</h1>
        <Link href="/admin/engagement/segments/new" className={buttonClass("primary")}>
          {t("newSegment")}
        </Link>
      </div>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <Card>
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-700">{status === "archived" ? t("emptyArchived") : t("empty")}</p>
        ) : (
          <DataTable
            caption={t("table.caption")}
            testId="segments"
            rows={list.items}
            rowKey={(s) => s.id}
            columns={[
              {
                key: "name",
                header: t("table.name"),
                primary: true,
                cell: (s) => (
                  <Link href={`/admin/engagement/segments/${s.id}`} className="font-semibold text-brand-700 underline">
                    {s.name}
                  </Link>
                ),
              },
              { key: "description", header: t("table.description"), cell: (s) => s.description },
              { key: "members", header: t("table.members"), numeric: true, cell: (s) => <span data-testid="segment-member-count">{format.number(s.memberCount)}</span> },
              { key: "refreshed", header: t("table.refreshedAt"), className: "whitespace-nowrap", cell: (s) => (s.refreshedAt ? format.dateTime(s.refreshedAt) : t("table.never")) },
              { key: "version", header: t("table.version"), numeric: true, cell: (s) => format.number(s.version) },
            ]}
          />
        )}
        <Pagination
          page={list.page}
          hasNext={list.page < pages}
          basePath="/admin/engagement/segments"
          params={{ status: status === "archived" ? "archived" : undefined }}
          labels={{ previous: t("pagination.previous"), next: t("pagination.next"), page: t("pagination.pageOf", { page: list.page, pages }), nav: t("pagination.nav") }}
        />
      </Card>
      <Link href={status === "archived" ? "/admin/engagement/segments" : "/admin/engagement/segments?status=archived"} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
        {status === "archived" ? t("showActive") : t("showArchived")}
      </Link>
    </div>
  );
}
