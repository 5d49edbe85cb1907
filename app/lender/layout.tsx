import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requirePageRole } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/auth/profile";
import { countMyCartItems } from "@/lib/lending/cart";
import { countMyUnread } from "@/lib/notifications";

export default async function LenderLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageRole("lender", "/lender");
  const [t, tc, me, unread, inCart] = await Promise.all([getTranslations("nav"), getTranslations("cart"), getMyProfile({ ctx }), countMyUnread({ ctx }), countMyCartItems({ ctx })]);
  return (
    <AreaShell areaLabel={t("areas.lender")} home="/lender"
      unread={unread} userName={me.fullName} items={[
        { href: "/lender", label: t("dashboard") },
        { href: "/lender/wallet", label: t("wallet") },
        { href: "/lender/marketplace", label: t("marketplace") },
        { href: "/lender/portfolio", label: t("portfolio") },
        { href: "/lender/gold", label: t("gold") },
        { href: "/lender/auto-purchase", label: t("autoPurchase") },
        { href: "/lender/cart", label: tc("navCount", { count: inCart }) },
        { href: "/lender/kyc", label: t("verifyIdentity") },
      ]}>
      {children}
    </AreaShell>
  );
}
