import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setNow, advanceNow } from "@/lib/clock";
import { consentFromCookieHeader, parseConsent } from "./consent";
import { createRateLimiter } from "./rate-limit";
import { parseUserAgent } from "./user-agent";

describe("parseUserAgent", () => {
  const cases: [string, string, string][] = [
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "desktop", "Chrome"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87", "desktop", "Edge"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "desktop", "Firefox"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "desktop", "Safari"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "mobile", "Safari"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1", "mobile", "Chrome"],
    ["Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "mobile", "Samsung"],
    ["Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "tablet", "Chrome"],
    ["Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "tablet", "Safari"],
    ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 OPR/83.0", "mobile", "Other"],
    ["curl/8.5.0", "desktop", "Other"],
    ["", "desktop", "Other"],
  ];
  it.each(cases)("%s → %s, %s", (ua, device, browser) => {
    expect(parseUserAgent(ua)).toEqual({ device, browser });
  });
  it("always answers one of the known classes", () => {
    fc.assert(
      fc.property(fc.string(), (ua) => {
        const r = parseUserAgent(ua);
        expect(["mobile", "tablet", "desktop"]).toContain(r.device);
        expect(["Chrome", "Firefox", "Safari", "Edge", "Samsung", "Other"]).toContain(r.browser);
      }),
    );
  });
});

describe("consent cookie", () => {
  it("reads the value from a Cookie header, anything else is no answer", () => {
    expect(consentFromCookieHeader("a=1; lumbung_consent=necessary; b=2")).toBe("necessary");
    expect(consentFromCookieHeader("lumbung_consent=analytics")).toBe("analytics");
    expect(consentFromCookieHeader("lumbung_consent=yes")).toBeNull();
    expect(consentFromCookieHeader("xlumbung_consent=necessary")).toBeNull();
    expect(consentFromCookieHeader(null)).toBeNull();
    expect(parseConsent(undefined)).toBeNull();
  });
});

describe("rate limiter", () => {
  it("admits up to every key's limit per minute, counts refused batches against none", () => {
    setNow("2026-03-01T03:00:00Z");
    const limiter = createRateLimiter();
    const keys = [{ key: "v:a", limit: 10 }, { key: "ip:1", limit: 15 }];
    expect(limiter.take(keys, 8)).toBe(true);
    expect(limiter.take(keys, 3)).toBe(false);
    expect(limiter.take(keys, 2)).toBe(true);
    expect(limiter.take([{ key: "v:b", limit: 10 }, { key: "ip:1", limit: 15 }], 6)).toBe(false);
    expect(limiter.take([{ key: "v:b", limit: 10 }, { key: "ip:1", limit: 15 }], 5)).toBe(true);
    advanceNow(60_000);
    expect(limiter.take(keys, 10)).toBe(true);
    setNow(null);
  });

  it("never admits more than the limit in a window, whatever the batch sizes", () => {
    setNow("2026-03-01T03:00:00Z");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }), fc.integer({ min: 1, max: 200 }), (sizes, limit) => {
        const limiter = createRateLimiter();
        let admitted = 0;
        for (const n of sizes) if (limiter.take([{ key: "k", limit }], n)) admitted += n;
        expect(admitted).toBeLessThanOrEqual(limit);
      }),
    );
    setNow(null);
  });
});
