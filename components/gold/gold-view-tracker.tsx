"use client";

import { useEffect } from "react";
import { trackEvent } from "@/components/tracking/tracker";

/** Records gold_price_viewed once per visit of the gold page, through the first-party tracker (components/tracking/). */
export function GoldViewTracker({ buyPerGram, sellPerGram }: { buyPerGram: string; sellPerGram: string }) {
  useEffect(() => {
    trackEvent("gold_price_viewed", { path: window.location.pathname, buyPerGram, sellPerGram });
    // Once per mount: a price change while the page is open is not a new view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}
