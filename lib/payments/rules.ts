/** Client-safe payment rules: bank payment steps and how a top-up's status is shown. */
import type { BankCode } from "./schemas";

/**
 * Client-safe: how to pay a virtual account from each bank's ATM, mobile app and internet banking.
 * The steps are message keys under "topUpHelp" (both languages); app names are the banks' own product
 * names and stay as they are in either language. Each bank's menu path is `topUpHelp.menu.<BANK>.<channel>`.
 */
export const BANK_CHANNELS = ["atm", "mobile", "internet"] as const;
export type BankChannel = (typeof BANK_CHANNELS)[number];

export const BANK_APPS: Record<BankCode, { mobile: string; internet: string }> = {
  BCA: { mobile: "BCA mobile", internet: "KlikBCA" },
  BNI: { mobile: "wondr by BNI", internet: "BNI Internet Banking" },
  BRI: { mobile: "BRImo", internet: "Internet Banking BRI" },
  MANDIRI: { mobile: "Livin' by Mandiri", internet: "Mandiri Internet Banking" },
  PERMATA: { mobile: "PermataMobile X", internet: "PermataNet" },
};

export type BankStep = { key: string; values: Record<string, string> };

/** The numbered steps for one bank and channel: message keys (under "topUpHelp") and their values. */
export function bankSteps(bank: BankCode, channel: BankChannel, { vaNumber, amount }: { vaNumber: string; amount: string }): BankStep[] {
  const first: BankStep =
    channel === "atm"
      ? { key: "steps.atmStart", values: { bank } }
      : { key: channel === "mobile" ? "steps.mobileStart" : "steps.internetStart", values: { app: BANK_APPS[bank][channel] } };
  return [
    first,
    { key: "steps.menu", values: { menuKey: `menu.${bank}.${channel}` } },
    { key: "steps.enterVa", values: { va: vaNumber } },
    { key: "steps.check", values: { amount } },
    { key: channel === "atm" ? "steps.receipt" : "steps.done", values: {} },
  ];
}

/**
 * Client-safe: which of two views of a top-up's status to show. A top-up only ever moves out of
 * "pending" (to "paid" or "expired") and never back, so a settled status beats a pending one whichever
 * arrived last — the page rendered on return from the gateway must not be overruled by a "pending"
 * left in the client cache from before the payment.
 */
export type TopUpClientStatus = "pending" | "paid" | "expired";

export function settledStatus(a: TopUpClientStatus | undefined, b: TopUpClientStatus): TopUpClientStatus {
  if (a === undefined || a === "pending") return b;
  return a === "paid" || b !== "paid" ? a : b;
}

/** The return address the gateway sends the payer back to: the top-up page, marked as a return. */
export function topUpReturnPath(area: "lender" | "borrower", id: string): string {
  return `/${area}/wallet/topups/${encodeURIComponent(id)}?returned=1`;
}
