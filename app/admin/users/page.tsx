import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { listUsers } from "@/lib/system/admin-users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminWallet");
  return { title: t("usersTitle") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const [t, tw, ta, t360, format, list] = await Promise.all([
    getTranslations("adminWallet"),
    getTranslations("wallet"),
    getTranslations("auth"),
    getTranslations("user360"),
    getFormat(),
    listUsers({ ctx, input: { search: sp.q || undefined, page: sp.page ?? 1 } }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("usersTitle")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="user-search" className="block text-sm font-medium">
            {t("searchLabel")}
          </label>
          <input id="user-search" name="q" defaultValue={sp.q} className="min-h-11 rounded-lg border border-slate-400 bg-white px-3" />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("search")}
        </button>
      </form>
      <Card>
        <DataTable
          caption={t("usersTitle")}
          testId="admin-users"
          rows={list.items}
          rowKey={(u) => u.id}
          columns={[
            {
              key: "name",
              header: t("name"),
              primary: true,
              cell: (u) =>
                u.role === "admin" ? (
                  u.fullName
                ) : (
                  <Link href={`/admin/users/${u.id}`} className="font-semibold text-brand-700 underline" aria-label={t("viewWallet", { name: u.fullName })}>
                    {u.fullName}
                  </Link>
                ),
            },
            { key: "email", header: t("email"), className: "break-all", cell: (u) => u.email },
            { key: "role", header: t("role"), cell: (u) => ta(`roles.${u.role}`) },
            { key: "joined", header: t("joined"), className: "whitespace-nowrap", cell: (u) => format.date(u.createdAt) },
            // The user 360 (lib/engagement/profiles): profile, traits, RFM, segments and events.
            { key: "profile", header: t360("profileColumn"), cell: (u) => (u.role === "admin" ? null : <Link href={`/admin/users/${u.id}/profile`} className="font-semibold text-brand-700 underline" aria-label={t360("openProfile", { name: u.fullName })}>{t360("profileColumn")}</Link>) },
          ]}
        />
        <Pagination
          page={list.page}
          hasNext={list.page < pages}
          basePath="/admin/users"
          params={{ q: sp.q }}
          labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: list.page, pages }), nav: tw("pagination") }}
        />
      </Card>
    </div>
  );
}
