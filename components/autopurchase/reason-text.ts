import { formatRupiah, type DisplayLocale } from "@/lib/money/format";

/** The figures each skip reason's sentence needs (lib/autopurchase DecisionView.details, rupiah strings). */
const DETAIL_KEYS: Record<string, readonly string[]> = {
  balance: ["available", "needed"],
  reserve: ["available", "reserve", "needed"],
  limit: ["remaining", "needed"],
  exposure: ["current", "cap"],
  budget: ["used", "budget", "needed"],
  below_minimum: ["offered", "minimum"],
};

type T = { (key: string, values?: Record<string, string>): string; has: (key: string) => boolean };

/**
 * Why a strategy skipped a loan, in words, with its figures when the decision recorded them
 * ("Not enough cash: Rp… available, Rp… needed"); the plain reason otherwise. t is the
 * "autoPurchase" namespace. Server and client safe.
 */
export function skipReasonText(t: T, reason: string | null, details: Record<string, string>, locale: DisplayLocale): string {
  if (!reason) return "";
  const keys = DETAIL_KEYS[reason];
  if (keys && keys.every((k) => /^\d+$/.test(details[k] ?? "")) && t.has(`reasonDetails.${reason}`)) {
    return t(`reasonDetails.${reason}`, Object.fromEntries(keys.map((k) => [k, formatRupiah(details[k]!, locale)])));
  }
  return t.has(`reasons.${reason}`) ? t(`reasons.${reason}`) : reason;
}
