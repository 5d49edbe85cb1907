import "server-only";
import type { DbOrTx } from "@/db";
import { readSetting } from "@/lib/system";
import { DEFAULT_SPREAD_BPS } from "../pricing";
import { GOLD_BARS, type GoldBarGrams } from "../schemas";

/**
 * Admin-editable gold settings, one JSON row in `settings` (bigints as decimal strings). The admin
 * verbs that change them are in ./admin-settings.ts (they publish a price, and prices read these).
 *
 * Defaults: USD→IDR Rp16.500 (a documented assumption, not a history); base mid Rp2.242.900/g, which
 * is the last month in the World Bank file (June 2026, USD 4 228/oz) × 16 500 / 31.1034768, so the
 * demo's live price continues the chart; spread 300 bps (3% of mid between buy and sell); quotes valid
 * 30 s; a stored price older than 5 minutes is replaced on read.
 */
export const GOLD_SETTINGS_KEY = "gold.settings";
export const DEFAULT_USD_IDR_RATE = 16_500n;
export const DEFAULT_BASE_PER_GRAM = 2_242_900n;

export const DEFAULT_WITHDRAWAL_FEES: Record<GoldBarGrams, bigint> = {
  1: 50_000n,
  2: 60_000n,
  5: 75_000n,
  10: 100_000n,
  25: 150_000n,
  50: 200_000n,
  100: 300_000n,
};
export const DEFAULT_LEAD_TIME_DAYS: Record<GoldBarGrams, number> = { 1: 7, 2: 7, 5: 7, 10: 7, 25: 10, 50: 14, 100: 14 };

export type GoldSettings = {
  basePerGram: bigint;
  spreadBps: number;
  usdIdrRate: bigint;
  quoteTtlSeconds: number;
  staleAfterSeconds: number;
  withdrawalFees: Record<GoldBarGrams, bigint>;
  leadTimeDays: Record<GoldBarGrams, number>;
};

export type Stored = Partial<{
  basePerGram: string;
  spreadBps: number;
  usdIdrRate: string;
  quoteTtlSeconds: number;
  staleAfterSeconds: number;
  withdrawalFees: Record<string, string>;
  leadTimeDays: Record<string, number>;
}>;

const big = (v: unknown, fallback: bigint) => (typeof v === "string" && /^\d+$/.test(v) ? BigInt(v) : fallback);

export async function readGoldSettings(db: DbOrTx): Promise<GoldSettings> {
  const s = (await readSetting<Stored>(db, GOLD_SETTINGS_KEY)) ?? {};
  const fees = {} as Record<GoldBarGrams, bigint>;
  const lead = {} as Record<GoldBarGrams, number>;
  for (const g of GOLD_BARS) {
    fees[g] = big(s.withdrawalFees?.[String(g)], DEFAULT_WITHDRAWAL_FEES[g]);
    lead[g] = typeof s.leadTimeDays?.[String(g)] === "number" ? s.leadTimeDays[String(g)]! : DEFAULT_LEAD_TIME_DAYS[g];
  }
  return {
    basePerGram: big(s.basePerGram, DEFAULT_BASE_PER_GRAM),
    spreadBps: typeof s.spreadBps === "number" ? s.spreadBps : DEFAULT_SPREAD_BPS,
    usdIdrRate: big(s.usdIdrRate, DEFAULT_USD_IDR_RATE),
    quoteTtlSeconds: typeof s.quoteTtlSeconds === "number" ? s.quoteTtlSeconds : 30,
    staleAfterSeconds: typeof s.staleAfterSeconds === "number" ? s.staleAfterSeconds : 300,
    withdrawalFees: fees,
    leadTimeDays: lead,
  };
}
