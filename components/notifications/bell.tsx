import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The bell in every area's header: a link to the notifications page with the unread count. */
export async function NotificationBell({ href, unread }: { href: string; unread: number }) {
  const t = await getTranslations("notifications");
  const label = unread > 0 ? t("bellUnread", { count: unread }) : t("bell");
  return (
    <Link href={href} aria-label={label} className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-slate-100">
      <svg aria-hidden width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden className="absolute right-1 top-1 rounded-full bg-red-700 px-1.5 text-xs font-bold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
