import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requirePageRole } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/auth/profile";

export default async function LenderLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageRole("lender", "/lender");
  const [t, me] = await Promise.all([getTranslations("nav"), getMyProfile({ ctx })]);
  return (
    <AreaShell areaLabel={t("areas.lender")} home="/lender" userName={me.fullName} items={[
        { href: "/lender", label: t("dashboard") },
        { href: "/lender/wallet", label: t("wallet") },
      ]}>
      {children}
    </AreaShell>
  );
}
