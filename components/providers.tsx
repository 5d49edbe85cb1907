"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { Toaster } from "sonner";
import { z } from "zod";

// zod's schema compiler probes `new Function("")` once; under the strict CSP (no 'unsafe-eval') the
// probe is blocked and reported as a violation. Its interpreter does the same work without eval.
z.config({ jitless: true });

const WIDE = "(min-width: 768px)";
const subscribeWide = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * Where toasts go, chosen so they never sit on a primary action: on a phone at the top, just under
 * the sticky top bar (page headings live there; forms' buttons and the tab bar are lower down); on
 * a desktop bottom right (toasts at the top covered the area nav, e.g. the Cart link right after
 * "Add to cart"; forms' buttons sit on the left). globals.css keeps them from catching taps outside
 * the toast itself.
 */
function useToastPlacement() {
  const wide = useSyncExternalStore(subscribeWide, () => window.matchMedia(WIDE).matches, () => false);
  return wide
    ? ({ position: "bottom-right", offset: 24 } as const)
    : ({ position: "top-center", offset: { top: "calc(4rem + env(safe-area-inset-top))" }, mobileOffset: { top: "calc(4rem + env(safe-area-inset-top))", left: 12, right: 12 } } as const);
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true } } }),
  );
  const placement = useToastPlacement();
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster {...placement} richColors closeButton />
    </QueryClientProvider>
  );
}
