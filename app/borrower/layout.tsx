import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requirePageRole } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/auth/profile";
import { countMyUnread } from "@/lib/notifications";

export default async function BorrowerLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageRole("borrower", "/borrower");
  const [t, ts, me, unread] = await Promise.all([getTranslations("nav"), getTranslations("shell"), getMyProfile({ ctx }), countMyUnread({ ctx })]);
  return (
    <AreaShell
      areaLabel={t("areas.borrower")}
      home="/borrower"
      unread={unread}
      userName={me.companyName ? `${me.fullName} · ${me.companyName}` : me.fullName}
      items={[
        { href: "/borrower", label: t("dashboard"), icon: "home" },
        { href: "/borrower/wallet", label: t("wallet"), icon: "wallet" },
        { href: "/borrower/apply", label: t("apply"), icon: "apply" },
        { href: "/borrower/loans", label: t("loans"), icon: "loans" },
      ]}
      tabs={[
        { href: "/borrower", label: ts("home"), icon: "home" },
        { href: "/borrower/apply", label: t("apply"), icon: "apply" },
        { href: "/borrower/loans", label: ts("loans"), icon: "loans" },
        { href: "/borrower/wallet", label: t("wallet"), icon: "wallet" },
      ]}
    >
      {children}
    </AreaShell>
  );
}
