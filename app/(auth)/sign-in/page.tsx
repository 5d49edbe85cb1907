import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/forms/sign-in-form";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/system/demo-accounts";
import { isDemoMode } from "@/lib/system/mode";
import { signInAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("auth");
  const demo = isDemoMode();
  return (
    <div className="space-y-6">
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="mb-4 text-2xl font-bold">{t("signInTitle")}</h1>
        <SignInForm action={signInAction} callbackUrl={callbackUrl} />
        <p className="mt-4 text-sm text-slate-700">
          {t("noAccount")}{" "}
          <Link href="/sign-up" className="font-semibold text-brand-700 underline">
            {t("signUp")}
          </Link>
        </p>
      </div>
      {demo ? (
        <section aria-labelledby="demo-accounts" className="rounded-2xl border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="demo-accounts" className="mb-2 font-semibold text-amber-900">
            {t("demoAccounts")}
          </h2>
          <p className="mb-2 text-amber-900">{t("demoPassword", { password: DEMO_PASSWORD })}</p>
          <ul className="space-y-1">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <span className="font-medium">{t(`roles.${a.role}`)}:</span> <code>{a.email}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
