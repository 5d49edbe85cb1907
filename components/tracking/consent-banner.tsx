"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { Consent } from "@/lib/engagement/rules";
import { onConsentSettingsRequested, writeConsentCookie } from "./consent-store";
import { setTrackerConsent } from "./tracker";

/**
 * The analytics consent banner, shown on the first visit (no `lumbung_consent` cookie) and again from
 * the footer's "Cookie settings". It sits at the top of the page in the normal flow — it pushes the
 * page down instead of covering it, so it never hides a button — and is a named region with a
 * heading and two named buttons (no focus trap: the page stays usable before answering).
 */
export function ConsentBanner({ initial }: { initial: Consent | null }) {
  const t = useTranslations("consent");
  const [current, setCurrent] = useState<Consent | null>(initial);
  const [open, setOpen] = useState(initial === null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(
    () =>
      onConsentSettingsRequested((from) => {
        returnFocus.current = from;
        setOpen(true);
        // After the render that shows it: scroll it into view and move focus to its heading.
        requestAnimationFrame(() => {
          heading.current?.scrollIntoView({ block: "nearest" });
          heading.current?.focus();
        });
      }),
    [],
  );

  if (!open) return null;

  const choose = (consent: Consent) => {
    writeConsentCookie(consent);
    setTrackerConsent(consent);
    setCurrent(consent);
    setOpen(false);
    returnFocus.current?.focus();
    returnFocus.current = null;
  };

  return (
    <section aria-labelledby={titleId} aria-describedby={bodyId} className="border-b border-brand-100 bg-brand-50 text-slate-900" data-consent-banner="">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-3 md:flex-row md:items-center md:justify-between">
        <div className="min-w-0 text-sm">
          <h2 id={titleId} ref={heading} tabIndex={-1} className="font-semibold text-brand-800 outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
            {t("title")}
          </h2>
          <p id={bodyId} className="mt-1 text-slate-700">
            {t("body")}{" "}
            <Link href="/legal/privacy" className="text-brand-700 underline">
              {t("more")}
            </Link>
          </p>
          {current ? <p className="mt-1 text-slate-600">{t(current === "analytics" ? "currentAnalytics" : "currentNecessary")}</p> : null}
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          <button type="button" className={buttonClass("primary")} onClick={() => choose("analytics")}>
            {t("accept")}
          </button>
          <button type="button" className={buttonClass("secondary")} onClick={() => choose("necessary")}>
            {t("necessary")}
          </button>
        </div>
      </div>
    </section>
  );
}
