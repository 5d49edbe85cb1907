import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArchiveSegmentButton } from "@/components/engagement/segments/archive-button";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { getSegment, listSegmentMembers } from "@/lib/engagement";
import { NotFound } from "@/lib/errors";
import { getFormat } from "@/lib/money/format-server";
import { archiveSegmentAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const ctx = await getRequestCtx();
  const t = await getTranslations("segments");
  const segment = await getSegment({ ctx, input: { segmentId: id } }).catch(() => null);
  return { title: segment?.name ?? t("title") };
}

export default async function SegmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const ctx = await getRequestCtx();
  const segment = await getSegment({ ctx, input: { segmentId: id } }).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const [t, tr, format, members] = await Promise.all([getTranslations("segments"), getTranslations("auth.roles"), getFormat(), listSegmentMembers({ ctx, input: { segmentId: id, page: sp.page ?? 1 } })]);
  const pages = Math.max(1, Math.ceil(members.total / members.pageSize));
  const archived = segment.status === "archived";
  return (
    <div className="space-y-6">
      <Link href="/admin/engagement/segments" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
        {t("detail.back")}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold break-words">{segment.name}</h1>
        {segment.description ? <p className="text-sm text-slate-700">{segment.description}</p> : null}
      </div>
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label={t("detail.members")} value={<span data-testid="segment-members-total">{format.number(segment.memberCount)}</span>} />
          <Stat label={t("detail.refreshedAt")} value={segment.refreshedAt ? format.dateTime(segment.refreshedAt) : t("table.never")} />
          <Stat label={t("detail.version")} value={format.number(segment.version)} />
          <Stat label={t("detail.status")} value={archived ? t("detail.archived") : t("detail.active")} />
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          {!archived ? (
            <Link href={`/admin/engagement/segments/${segment.id}/edit`} className={buttonClass("secondary")}>
              {t("detail.edit")}
            </Link>
          ) : null}
          <a href={`/api/admin/segments/${segment.id}/export`} download className={buttonClass("secondary")}>
            {t("detail.export")}
          </a>
          {!archived ? <ArchiveSegmentButton name={segment.name} archive={archiveSegmentAction.bind(null, segment.id)} /> : null}
        </div>
      </Card>
      <Card title={t("detail.membersTitle")}>
        {members.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("detail.noMembers")}</p>
        ) : (
          <DataTable
            caption={t("detail.membersCaption", { name: segment.name })}
            testId="segment-members"
            rows={members.items}
            rowKey={(m) => m.userId}
            columns={[
              {
                key: "name",
                header: t("detail.memberName"),
                primary: true,
                cell: (m) => (m.role === "admin" ? m.name : <Link href={`/admin/users/${m.userId}`} className="font-semibold text-brand-700 underline">{m.name}</Link>),
              },
              { key: "email", header: t("detail.memberEmail"), className: "break-all", cell: (m) => m.email },
              { key: "role", header: t("detail.memberRole"), cell: (m) => (tr.has(m.role) ? tr(m.role) : m.role) },
              { key: "entered", header: t("detail.enteredAt"), className: "whitespace-nowrap", cell: (m) => format.dateTime(m.enteredAt) },
            ]}
          />
        )}
        <Pagination
          page={members.page}
          hasNext={members.page < pages}
          basePath={`/admin/engagement/segments/${segment.id}`}
          params={{}}
          labels={{ previous: t("pagination.previous"), next: t("pagination.next"), page: t("pagination.pageOf", { page: members.page, pages }), nav: t("pagination.nav") }}
        />
      </Card>
    </div>
  );
}
