"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { z } from "zod";

// zod's schema compiler probes `new Function("")` once; under the strict CSP (no 'unsafe-eval') the
// probe is blocked and reported as a violation. Its interpreter does the same work without eval.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true } } }),
  );
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* Bottom: toasts at the top covered the area nav (e.g. the Cart link right after "Add to cart"). */}
      <Toaster position="bottom-center" richColors closeButton />
    </QueryClientProvider>
  );
}
