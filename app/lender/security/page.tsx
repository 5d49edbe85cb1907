import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SecurityScreen } from "@/app/_security/security-screen";
import { requirePageRole } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("title") };
}

export default async function SecurityPage() {
  const { ctx } = await requirePageRole("lender", "/lender/security");
  return <SecurityScreen ctx={ctx} area="lender" />;
}
