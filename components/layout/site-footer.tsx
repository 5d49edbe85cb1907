import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CookieSettingsButton } from "@/components/tracking/cookie-settings-button";

/** The legal pages linked from the public footer (app/(marketing)/legal/[page]). */
export const LEGAL_PAGES = ["terms", "privacy", "risk", "contact"] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

/** The public footer: the licence statement, the legal pages and how to reach us. */
export async function SiteFooter() {
  const t = await getTranslations("legal");
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-6 text-sm text-slate-700">
        <p data-testid="licence-statement">{t("licence")}</p>
        <nav aria-label={t("footerNav")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {LEGAL_PAGES.map((page) => (
              <li key={page}>
                <Link href={`/legal/${page}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  {t(`${page}.title`)}
                </Link>
              </li>
            ))}
            <li><CookieSettingsButton className="inline-flex min-h-11 items-center text-brand-700 underline" /></li>
          </ul>
        </nav>
        <p className="text-slate-600">{t("demo")}</p>
      </div>
    </footer>
  );
}
