import "server-only";
import { type GoldSettings, type Stored } from "./internal/settings";

export function toStored(s: GoldSettings): Stored {
  return {
    basePerGram: s.basePerGram.toString(),
    spreadBps: s.spreadBps,
    usdIdrRate: s.usdIdrRate.toString(),
    quoteTtlSeconds: s.quoteTtlSeconds,
    staleAfterSeconds: s.staleAfterSeconds,
    withdrawalFees: Object.fromEntries(Object.entries(s.withdrawalFees).map(([k, v]) => [k, v.toString()])),
    leadTimeDays: Object.fromEntries(Object.entries(s.leadTimeDays)),
  };
}
