import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Brand } from "./brand";
import { LanguageSwitcher } from "@/components/language-switcher";
import { buttonClass } from "@/components/ui/button";

export async function PublicHeader({ signedInHome }: { signedInHome?: string }) {
  const t = await getTranslations("nav");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Brand />
        <nav aria-label={t("main")} className="flex flex-wrap items-center gap-2">
          <LanguageSwitcher />
          {signedInHome ? (
            <Link href={signedInHome} className={buttonClass("primary")}>
              {t("myDashboard")}
            </Link>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClass("ghost")}>
                {t("signIn")}
              </Link>
              <Link href="/sign-up" data-track="header_signup" className={buttonClass("primary")}>
                {t("signUp")}
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
