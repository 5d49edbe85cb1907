import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import type { NavItem } from "@/components/layout/area-nav";
import { requirePageRole } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/auth/profile";
import { countMyUnread } from "@/lib/notifications";
import { isDemoMode } from "@/lib/system/mode";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageRole("admin", "/admin");
  const [t, ts, me, unread] = await Promise.all([getTranslations("nav"), getTranslations("shell"), getMyProfile({ ctx }), countMyUnread({ ctx })]);
  const items: NavItem[] = [
    { href: "/admin", label: t("dashboard"), icon: "home" },
    { href: "/admin/users", label: t("users"), icon: "users" },
    { href: "/admin/loans", label: t("reviews"), icon: "reviews" },
    { href: "/admin/products", label: t("products"), icon: "products" },
    { href: "/admin/withdrawals", label: t("withdrawals"), icon: "withdrawals" },
    { href: "/admin/gold", label: t("gold"), icon: "gold" },
    { href: "/admin/kyc", label: t("kycReviews"), icon: "kyc" },
    { href: "/admin/engagement/segments", label: t("engagement"), icon: "portfolio" },
    { href: "/admin/ledger", label: t("ledger"), icon: "ledger" },
    { href: "/admin/jobs", label: t("jobs"), icon: "jobs" },
    { href: "/admin/audit", label: t("audit"), icon: "audit" },
    ...(isDemoMode() ? [{ href: "/admin/time-machine", label: t("timeMachine"), icon: "clock" } as const] : []),
  ];
  // The four an admin opens most: the queues of loans, identities and withdrawals.
  const tabs: NavItem[] = [
    { href: "/admin", label: ts("home"), icon: "home" },
    { href: "/admin/loans", label: ts("reviews"), icon: "reviews" },
    { href: "/admin/kyc", label: ts("kyc"), icon: "kyc" },
    { href: "/admin/withdrawals", label: t("withdrawals"), icon: "withdrawals" },
  ];
  return (
    <AreaShell areaLabel={t("areas.admin")} home="/admin"
      unread={unread} userName={me.fullName} items={items} tabs={tabs}>
      {children}
    </AreaShell>
  );
}
