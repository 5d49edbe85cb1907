import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("pages");
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("forbiddenBody")}</p>
      <Link href="/" className={buttonClass("primary", "mt-6")}>
        {t("goHome")}
      </Link>
    </main>
  );
}
