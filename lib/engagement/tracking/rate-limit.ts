import "server-only";
import { now } from "@/lib/clock";

/**
 * A fixed-window counter per key, in this process's memory (see docs/ARCHITECTURE.md, Events: why not
 * the database). `take(keys, n)` admits n more units only if every key stays within its limit in the
 * current minute, and then counts them against every key; a refused batch counts against none, so a
 * client that backs off gets through in the next window.
 */
export type RateLimiter = {
  take(entries: { key: string; limit: number }[], n: number): boolean;
  reset(): void;
};

const WINDOW_MS = 60_000;
/** Above this many keys the counters of past windows are dropped (memory stays bounded). */
const SWEEP_AT = 20_000;

export function createRateLimiter(): RateLimiter {
  const counters = new Map<string, { window: number; count: number }>();
  return {
    take(entries, n) {
      const window = Math.floor(now().getTime() / WINDOW_MS);
      for (const { key, limit } of entries) {
        const c = counters.get(key);
        const used = c && c.window === window ? c.count : 0;
        if (used + n > limit) return false;
      }
      if (counters.size > SWEEP_AT) {
        for (const [k, c] of counters) if (c.window !== window) counters.delete(k);
      }
      for (const { key } of entries) {
        const c = counters.get(key);
        if (c && c.window === window) c.count += n;
        else counters.set(key, { window, count: n });
      }
      return true;
    },
    reset() {
      counters.clear();
    },
  };
}

// One per process, shared by the route handler's bundle and tests (like the clock).
const store = globalThis as unknown as { __lumbungTrackLimiter?: RateLimiter };
export const trackRateLimiter: RateLimiter = (store.__lumbungTrackLimiter ??= createRateLimiter());
