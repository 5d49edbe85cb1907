/** Device class and browser family from a User-Agent header: what a profile shows of the last session. */
export type DeviceClass = "mobile" | "tablet" | "desktop";
export type BrowserFamily = "Chrome" | "Firefox" | "Safari" | "Edge" | "Samsung" | "Other";

export function parseUserAgent(ua: string | null | undefined): { device: DeviceClass; browser: BrowserFamily } {
  const s = ua ?? "";
  return { device: deviceOf(s), browser: browserOf(s) };
}

function deviceOf(s: string): DeviceClass {
  // iPadOS 13+ says "Macintosh"; only its touch support tells it apart, which a header cannot show.
  if (/iPad|Tablet|PlayBook|Silk|Kindle/i.test(s) || (/Android/i.test(s) && !/Mobile/i.test(s))) return "tablet";
  if (/Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini/i.test(s)) return "mobile";
  return "desktop";
}

function browserOf(s: string): BrowserFamily {
  // Order matters: Samsung Internet and Edge also say "Chrome", Chrome also says "Safari".
  if (/SamsungBrowser\//.test(s)) return "Samsung";
  if (/Edg(e|A|iOS)?\//.test(s)) return "Edge";
  if (/OPR\/|Opera|YaBrowser|UCBrowser/.test(s)) return "Other";
  if (/Firefox\/|FxiOS\//.test(s)) return "Firefox";
  if (/Chrome\/|CriOS\/|Chromium\//.test(s)) return "Chrome";
  if (/Safari\//.test(s) && /Version\/|Mobile\//.test(s)) return "Safari";
  return "Other";
}
