"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useRef } from "react";
import type { Consent } from "@/lib/engagement/rules";
import { ConsentBanner } from "./consent-banner";
import { installTracker, setTrackerConsent, trackEvent } from "./tracker";

function utmOf(params: URLSearchParams) {
  const utm = { source: params.get("utm_source") ?? undefined, medium: params.get("utm_medium") ?? undefined, campaign: params.get("utm_campaign") ?? undefined };
  return utm.source || utm.medium || utm.campaign ? { source: utm.source?.slice(0, 200), medium: utm.medium?.slice(0, 200), campaign: utm.campaign?.slice(0, 200) } : undefined;
}

/**
 * page_viewed on every navigation (App Router: path or query changed). The title is read a moment
 * later, once the new page's metadata is in; the referrer is the previous page for client-side
 * navigations and document.referrer for the first one.
 */
function PageViews() {
  const pathname = usePathname();
  const search = useSearchParams();
  const previous = useRef<string | null>(null);
  const query = search.toString();
  useEffect(() => {
    const referrer = previous.current ?? (document.referrer || undefined);
    const utm = utmOf(new URLSearchParams(query));
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      trackEvent("page_viewed", { path: pathname, title: document.title.slice(0, 300), referrer: referrer?.slice(0, 500) }, { referrer: referrer?.slice(0, 500), utm });
    };
    const timer = setTimeout(send, 300);
    previous.current = `${window.location.origin}${pathname}`;
    return () => {
      clearTimeout(timer);
      send();
    };
  }, [pathname, query]);
  return null;
}

/**
 * The first-party tracker and its consent banner, mounted once in the root layout. `consent` is the
 * cookie as the server read it, so the banner renders (or not) without a flash.
 */
export function Tracking({ consent }: { consent: Consent | null }) {
  // Child effects (the first page view) run first: their events wait in the tracker until it knows
  // the consent, then go out (analytics) or are dropped (necessary).
  useEffect(() => {
    setTrackerConsent(consent);
    installTracker();
  }, [consent]);
  return (
    <>
      <ConsentBanner initial={consent} />
      <Suspense fallback={null}>
        <PageViews />
      </Suspense>
    </>
  );
}
