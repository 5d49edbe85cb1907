import type { MetadataRoute } from "next";
import { getLocale, getTranslations } from "next-intl/server";

/** The web app manifest (/manifest.webmanifest), so "Add to home screen" installs Lumbung; icons in public/. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const locale = await getLocale();
  const [t, tm] = await Promise.all([getTranslations("shell"), getTranslations("meta")]);
  return {
    name: t("manifestName"),
    short_name: "Lumbung",
    description: tm("description"),
    lang: locale,
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#065f46",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
