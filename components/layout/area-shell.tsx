import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Brand } from "./brand";
import { AreaNav, type NavItem } from "./area-nav";
import { LanguageSwitcher } from "@/components/language-switcher";
import { signOutAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { NotificationBell } from "@/components/notifications/bell";

/** One shell per area (lender, borrower, admin): header with the user's name, navigation, sign-out. */
export async function AreaShell({
  areaLabel,
  home,
  userName,
  items,
  unread,
  children,
}: {
  areaLabel: string;
  home: string;
  userName: string;
  items: NavItem[];
  /** Unread in-app notifications; the bell links to `${home}/notifications`. */
  unread: number;
  children: ReactNode;
}) {
  const t = await getTranslations("nav");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            <Brand href={home} />
            <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{areaLabel}</span>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm text-slate-700">{userName}</span>
            <Link href={`${home}/security`} className="text-sm font-medium text-brand-700 underline">
              {t("security")}
            </Link>
            <NotificationBell href={`${home}/notifications`} unread={unread} />
            <LanguageSwitcher />
            <form action={signOutAction}>
              <Button type="submit" variant="secondary">
                {t("signOut")}
              </Button>
            </form>
          </div>
        </div>
        <AreaNav items={items} label={t("areaNav", { area: areaLabel })} />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
