"use client";

import { useTranslations } from "next-intl";
import { openConsentSettings } from "./consent-store";

/** The footer's "Cookie settings": shows the consent banner again so the choice can be changed. */
export function CookieSettingsButton({ className = "" }: { className?: string }) {
  const t = useTranslations("consent");
  return (
    <button type="button" className={className} onClick={(e) => openConsentSettings(e.currentTarget)}>
      {t("settings")}
    </button>
  );
}
