import type { EventContext } from "@/db/schema";

export const ANONYMOUS_ID_COOKIE = "lumbung_aid";
export const FIRST_TOUCH_COOKIE = "lumbung_ft";
export const LOCALE_COOKIE = "NEXT_LOCALE";

type HeaderBag = { get(name: string): string | null };

function readCookie(headers: HeaderBag, name: string): string | undefined {
  const raw = headers.get("cookie");
  if (!raw) return undefined;
  for (const part of raw.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export function clientIp(headers: HeaderBag): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim();
  return headers.get("x-real-ip") ?? "unknown";
}

/** The request details an event records: IP, user agent, locale, anonymous id. */
export function requestContextFromHeaders(headers: HeaderBag): EventContext & { anonymousId?: string } {
  const locale = readCookie(headers, LOCALE_COOKIE);
  return {
    ip: clientIp(headers),
    userAgent: headers.get("user-agent")?.slice(0, 400) ?? undefined,
    locale: locale === "id" || locale === "en" ? locale : undefined,
    anonymousId: readCookie(headers, ANONYMOUS_ID_COOKIE),
  };
}

export function firstTouchFromHeaders(headers: HeaderBag): Record<string, string> {
  const raw = readCookie(headers, FIRST_TOUCH_COOKIE);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed)
        .filter(([, v]) => typeof v === "string")
        .map(([k, v]) => [k, (v as string).slice(0, 200)]),
    );
  } catch {
    return {};
  }
}
