import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/forms/sign-up-form";
import { signUpAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("borrowerSignUpTitle") };
}

export default async function BorrowerSignUpPage() {
  const t = await getTranslations("auth");
  return (
    <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-1 text-2xl font-bold">{t("borrowerSignUpTitle")}</h1>
      <p className="mb-4 text-sm text-slate-700">{t("borrowerSignUpIntro")}</p>
      <SignUpForm role="borrower" action={signUpAction} />
    </div>
  );
}
