import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Providers } from "@/components/providers";
import { Tracking } from "@/components/tracking/tracking";
import { cookies } from "next/headers";
import { CONSENT_COOKIE, parseConsent } from "@/lib/engagement/rules";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: `%s · Lumbung` },
    description: t("description"),
    // public/ (scripts/make-icons.mjs); the manifest is app/manifest.ts.
    icons: {
      icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }],
      apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
    },
    appleWebApp: { capable: true, title: "Lumbung", statusBarStyle: "default" },
  };
}

// viewport-fit=cover: the phone's tab bar and top bar pad themselves with the safe-area insets.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#065f46", viewportFit: "cover" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const consent = parseConsent((await cookies()).get(CONSENT_COOKIE)?.value);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <Providers>
            <Tracking consent={consent} />
            {children}
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
