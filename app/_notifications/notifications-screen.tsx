import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { MarkAllRead } from "@/components/notifications/mark-all-read";
import { getRequestCtx } from "@/lib/auth/session";
import { listMyNotifications, renderNotification } from "@/lib/notifications";
import type { DisplayLocale } from "@/lib/money/format";
import { markAllReadAction } from "./actions";

/** The notifications page of every area: newest first, unread ones highlighted. */
export async function NotificationsScreen({ basePath, page }: { basePath: string; page?: string }) {
  const ctx = await getRequestCtx();
  const [t, tw, format, locale, list] = await Promise.all([
    getTranslations("notifications"),
    getTranslations("wallet"),
    getFormat(),
    getLocale(),
    listMyNotifications({ ctx, input: { page: page ?? 1 } }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <MarkAllRead action={markAllReadAction} />
      </div>
      <Card>
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {list.items.map((n) => {
              const text = renderNotification(locale as DisplayLocale, n);
              return (
                <li key={n.id} className={`flex flex-wrap items-start justify-between gap-2 py-3 text-sm ${n.readAt ? "" : "font-semibold"}`}>
                  <span>
                    {!n.readAt ? <span className="sr-only">{t("unread")} </span> : null}
                    {n.link ? (
                      <Link href={n.link} className="text-brand-800 underline">
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </span>
                  <time dateTime={n.createdAt.toISOString()} className="font-normal text-slate-600">
                    {format.dateTime(n.createdAt)}
                  </time>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination
          page={list.page}
          hasNext={list.page < pages}
          basePath={basePath}
          params={{}}
          labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: list.page, pages }), nav: t("title") }}
        />
      </Card>
    </div>
  );
}
