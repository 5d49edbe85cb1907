import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WalletScreen, type WalletSearchParams } from "@/app/_wallet/wallet-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wallet");
  return { title: t("title") };
}

export default async function WalletPage({ searchParams }: { searchParams: Promise<WalletSearchParams> }) {
  return <WalletScreen area="lender" searchParams={await searchParams} />;
}
