import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Brand } from "./brand";
import { AreaNav, type NavItem } from "./area-nav";
import { AccountMenu } from "./account-menu";
import { TabBar } from "./tab-bar";
import { LanguageSwitcher } from "@/components/language-switcher";
import { signOutAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { NotificationBell } from "@/components/notifications/bell";
import { CookieSettingsButton } from "@/components/tracking/cookie-settings-button";

/**
 * One shell per area (lender, borrower, admin). A compact top bar (brand, bell, the account menu with
 * security, language and sign-out); on a desktop the area's navigation under it, on a phone (below
 * 768 px) a bottom tab bar with `tabs` and "More" holding the other `items`, notifications and security.
 */
export async function AreaShell({
  areaLabel,
  home,
  userName,
  items,
  tabs,
  unread,
  children,
}: {
  areaLabel: string;
  home: string;
  userName: string;
  /** Every destination, in the desktop navigation's order. */
  items: NavItem[];
  /** The phone's tab bar: four destinations (the fifth tab is "More"). */
  tabs: NavItem[];
  /** Unread in-app notifications; the bell links to `${home}/notifications`. */
  unread: number;
  children: ReactNode;
}) {
  const [t, ts] = await Promise.all([getTranslations("nav"), getTranslations("shell")]);
  const inTabs = new Set(tabs.map((tab) => tab.href));
  const more: NavItem[] = [
    ...items.filter((item) => !inTabs.has(item.href)),
    { href: `${home}/notifications`, label: ts("notifications"), icon: "bell" },
    { href: `${home}/security`, label: t("security"), icon: "shield" },
  ];
  const navLabel = t("areaNav", { area: areaLabel });
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white pt-[env(safe-area-inset-top)] md:static">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 md:h-16">
          <div className="flex min-w-0 items-center gap-3">
            <Brand href={home} />
            <span className="hidden rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800 sm:inline">{areaLabel}</span>
          </div>
          <div className="flex items-center gap-1">
            <NotificationBell href={`${home}/notifications`} unread={unread} />
            <AccountMenu name={userName} label={ts("accountMenu")} signedInAs={ts("signedInAs")}>
              <Link href={`${home}/security`} className="flex min-h-11 items-center rounded-lg px-2 text-sm font-medium text-brand-700 underline hover:bg-slate-50">
                {t("security")}
              </Link>
              <LanguageSwitcher />
              <CookieSettingsButton className="flex min-h-11 items-center rounded-lg px-2 text-left text-sm font-medium text-brand-700 underline hover:bg-slate-50" />
              <form action={signOutAction}>
                <Button type="submit" variant="secondary" className="w-full">
                  {t("signOut")}
                </Button>
              </form>
            </AccountMenu>
          </div>
        </div>
        <AreaNav items={items} label={navLabel} />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 pb-[calc(6rem+env(safe-area-inset-bottom))] pt-6 md:pb-6">
        {children}
      </main>
      <TabBar label={navLabel} tabs={tabs} more={more} moreLabel={ts("more")} moreTitle={ts("moreTitle", { area: areaLabel })} closeLabel={ts("close")} />
    </div>
  );
}
