import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUpTitle") };
}

export default async function SignUpChooserPage() {
  const t = await getTranslations("auth");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("signUpTitle")}</h1>
      <p className="text-slate-700">{t("chooseAccountType")}</p>
      <ul className="grid gap-4">
        <li>
          <Link href="/sign-up/lender" className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600">
            <span className="block text-lg font-semibold text-brand-800">{t("lenderCardTitle")}</span>
            <span className="block text-sm text-slate-700">{t("lenderCardBody")}</span>
          </Link>
        </li>
        <li>
          <Link href="/sign-up/borrower" className="block rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600">
            <span className="block text-lg font-semibold text-brand-800">{t("borrowerCardTitle")}</span>
            <span className="block text-sm text-slate-700">{t("borrowerCardBody")}</span>
          </Link>
        </li>
      </ul>
      <p className="text-sm text-slate-700">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
