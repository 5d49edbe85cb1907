/**
 * What the gold screens receive from the server: money and grams as decimal strings (bigint on the
 * server, exact here), times as ISO strings. Only drawing turns them into numbers.
 */
export type GoldPriceView = { buyPerGram: string; sellPerGram: string; spreadBps: number; change7dBps: number | null; at: string };

export type ActionResult = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

export type QuoteView = { quoteId: string; side: "buy" | "sell"; pricePerGram: string; validForMs: number };

/** The outcome of an amount at a quoted price (lib/gold/trade-math.ts); `rounded` says a remainder below one unit of `roundedField` was kept by the platform. */
export type TradePreview = { units: string; rupiah: string; rounded: boolean; roundedField: "units" | "rupiah" };

export type QuoteResult = ActionResult & { quote?: QuoteView };
export type PreviewResult = ActionResult & { preview?: TradePreview };
export type TradeResult = ActionResult & { trade?: { units: string; rupiah: string; pricePerGram: string } };

export type TradeInput = { side: "buy" | "sell"; quoteId: string; mode: "rupiah" | "grams"; amount: string; idempotencyKey: string };

export type HistoryPoint = { at: string; pricePerGram: string };

export type PlanView = {
  id: string;
  amount: string;
  frequency: "daily" | "weekly" | "monthly";
  hour: number;
  dayOfWeek: number | null;
  dayOfMonth: number | null;
  active: boolean;
  nextRunAt: string | null;
};

export type AlertView = { id: string; kind: "buy_below" | "sell_above"; thresholdPerGram: string; active: boolean; triggeredAt: string | null; triggeredPricePerGram: string | null };

export type WithdrawalOptionView = { barGrams: number; fee: string; leadTimeDays: number };

export type WithdrawalView = {
  id: string;
  barGrams: number;
  quantity: number;
  units: string;
  fee: string;
  leadTimeDays: number;
  status: "requested" | "printed" | "shipped" | "delivered" | "cancelled";
  cancelReason: string | null;
  createdAt: string;
};
