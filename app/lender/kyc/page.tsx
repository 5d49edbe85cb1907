import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KycScreen } from "@/app/_kyc/kyc-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kyc");
  return { title: t("title") };
}

export default async function LenderKycPage() {
  return <KycScreen riskHref="/lender/risk" />;
}
