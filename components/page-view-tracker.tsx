"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Records page_viewed for every client-side navigation, through POST /api/track. */
export function PageViewTracker() {
  const pathname = usePathname();
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const utm = {
      source: params.get("utm_source") ?? undefined,
      medium: params.get("utm_medium") ?? undefined,
      campaign: params.get("utm_campaign") ?? undefined,
    };
    const body = JSON.stringify({
      events: [
        {
          name: "page_viewed",
          properties: { path: pathname, title: document.title },
          referrer: document.referrer || undefined,
          utm: utm.source || utm.medium || utm.campaign ? utm : undefined,
        },
      ],
    });
    const sent = typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/api/track", new Blob([body], { type: "application/json" }));
    if (!sent) void fetch("/api/track", { method: "POST", body, headers: { "content-type": "application/json" }, keepalive: true }).catch(() => {});
  }, [pathname]);
  return null;
}
