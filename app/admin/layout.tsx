import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requirePageRole } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/auth/profile";
import { countMyUnread } from "@/lib/notifications";
import { isDemoMode } from "@/lib/system/mode";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageRole("admin", "/admin");
  const [t, me, unread] = await Promise.all([getTranslations("nav"), getMyProfile({ ctx }), countMyUnread({ ctx })]);
  const items = [
    { href: "/admin", label: t("dashboard") },
    { href: "/admin/users", label: t("users") },
    { href: "/admin/loans", label: t("reviews") },
    { href: "/admin/products", label: t("products") },
    { href: "/admin/withdrawals", label: t("withdrawals") },
    { href: "/admin/gold", label: t("gold") },
    { href: "/admin/kyc", label: t("kycReviews") },
    { href: "/admin/ledger", label: t("ledger") },
    { href: "/admin/jobs", label: t("jobs") },
    { href: "/admin/audit", label: t("audit") },
    ...(isDemoMode() ? [{ href: "/admin/time-machine", label: t("timeMachine") }] : []),
  ];
  return (
    <AreaShell areaLabel={t("areas.admin")} home="/admin"
      unread={unread} userName={me.fullName} items={items}>
      {children}
    </AreaShell>
  );
}
