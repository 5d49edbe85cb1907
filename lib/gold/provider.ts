import "server-only";
import { demoMidAt } from "./demo-walk";
import type { GoldSettings } from "./internal/settings";

/**
 * Where gold prices come from. A provider tells the mid price per gram at an instant; Lumbung applies
 * its own spread (pricing.ts) and stores what it published (gold_prices). A real feed (an exchange or
 * a bullion dealer's API) would implement the same interface; the demo provider is the default.
 */
export interface GoldPriceProvider {
  readonly name: string;
  getCurrentPrice(input: { at: Date; settings: GoldSettings }): Promise<{ midPerGram: bigint }>;
}

/** Demo: the admin's base price moved by a deterministic intraday random walk (demo-walk.ts). */
export const demoGoldPriceProvider: GoldPriceProvider = {
  name: "demo",
  async getCurrentPrice({ at, settings }) {
    return { midPerGram: demoMidAt(settings.basePerGram, at) };
  },
};

let current: GoldPriceProvider = demoGoldPriceProvider;

export function goldPriceProvider(): GoldPriceProvider {
  return current;
}

/** Tests: install another provider (returns the previous one). */
export function setGoldPriceProvider(provider: GoldPriceProvider): GoldPriceProvider {
  const previous = current;
  current = provider;
  return previous;
}
