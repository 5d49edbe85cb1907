import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requirePageRole } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/auth/profile";

export default async function BorrowerLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageRole("borrower", "/borrower");
  const [t, me] = await Promise.all([getTranslations("nav"), getMyProfile({ ctx })]);
  return (
    <AreaShell
      areaLabel={t("areas.borrower")}
      home="/borrower"
      userName={me.companyName ? `${me.fullName} · ${me.companyName}` : me.fullName}
      items={[
        { href: "/borrower", label: t("dashboard") },
        { href: "/borrower/wallet", label: t("wallet") },
      ]}
    >
      {children}
    </AreaShell>
  );
}
