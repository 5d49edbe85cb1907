import type { BlockList } from "node:net";
import type { EventContext } from "@/db/schema";
import { env } from "@/lib/env";
import { clientIpFrom, fromTrustedProxy, parseTrustedProxies } from "./client-ip";
import { ANONYMOUS_ID_COOKIE, FIRST_TOUCH_COOKIE, LOCALE_COOKIE } from "./cookie-names";

export { ANONYMOUS_ID_COOKIE, FIRST_TOUCH_COOKIE, LOCALE_COOKIE };

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

let trusted: { source: string[]; list: BlockList } | undefined;

function trustedProxies(): BlockList {
  const source = env().trustedProxies;
  if (trusted?.source !== source) trusted = { source, list: parseTrustedProxies(source) };
  return trusted.list;
}

/** The client's IP: the socket's peer, or what trusted proxies forwarded (see ./client-ip.ts). */
export function clientIp(headers: HeaderBag): string {
  return clientIpFrom(headers, trustedProxies());
}

/** Whether the request's peer is a trusted proxy, whose X-Forwarded-Host/-Proto may be believed. */
export function forwardedHeadersTrusted(headers: HeaderBag): boolean {
  return fromTrustedProxy(headers, trustedProxies());
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
