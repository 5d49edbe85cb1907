"use client";

import { useEffect } from "react";

/** Records gold_price_viewed once per visit of the gold page, through POST /api/track (like page views). */
export function GoldViewTracker({ buyPerGram, sellPerGram }: { buyPerGram: string; sellPerGram: string }) {
  useEffect(() => {
    const body = JSON.stringify({ events: [{ name: "gold_price_viewed", properties: { path: window.location.pathname, buyPerGram, sellPerGram } }] });
    const sent = typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/api/track", new Blob([body], { type: "application/json" }));
    if (!sent) void fetch("/api/track", { method: "POST", body, headers: { "content-type": "application/json" }, keepalive: true }).catch(() => {});
    // Once per mount: a price change while the page is open is not a new view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}
