import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/layout/area-shell";
import { requirePageRole } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/auth/profile";
import { countMyCartItems } from "@/lib/lending/cart";
import { countMyUnread } from "@/lib/notifications";

export default async function LenderLayout({ children }: { children: ReactNode }) {
  const { ctx } = await requirePageRole("lender", "/lender");
  const [t, ts, tc, me, unread, inCart] = await Promise.all([getTranslations("nav"), getTranslations("shell"), getTranslations("cart"), getMyProfile({ ctx }), countMyUnread({ ctx }), countMyCartItems({ ctx })]);
  return (
    <AreaShell areaLabel={t("areas.lender")} home="/lender"
      unread={unread} userName={me.fullName} items={[
        { href: "/lender", label: t("dashboard"), icon: "home" },
        { href: "/lender/wallet", label: t("wallet"), icon: "wallet" },
        { href: "/lender/marketplace", label: t("marketplace"), icon: "market" },
        { href: "/lender/portfolio", label: t("portfolio"), icon: "portfolio" },
        { href: "/lender/gold", label: t("gold"), icon: "gold" },
        { href: "/lender/auto-purchase", label: t("autoPurchase"), icon: "auto" },
        { href: "/lender/cart", label: tc("navCount", { count: inCart }), icon: "cart" },
        { href: "/lender/kyc", label: t("verifyIdentity"), icon: "verify" },
      ]} tabs={[
        { href: "/lender", label: ts("home"), icon: "home" },
        { href: "/lender/marketplace", label: t("marketplace"), icon: "market" },
        { href: "/lender/portfolio", label: t("portfolio"), icon: "portfolio" },
        { href: "/lender/wallet", label: t("wallet"), icon: "wallet" },
      ]}>
      {children}
    </AreaShell>
  );
}
