"use server";

import { revalidatePath } from "next/cache";
import { domainFailure } from "@/app/_shared/action-result";
import type { PreviewResult, QuoteResult, TradeInput, TradeResult } from "@/components/gold/types";
import { getRequestCtx } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { ValidationFailed } from "@/lib/errors";
import { buyGold, parseTradeAmount, requestGoldQuote, sellGold, tradeAmountsOrFieldError } from "@/lib/gold";
import { GOLD_TRADE_MODES, GOLD_TRADE_SIDES } from "@/lib/gold/schemas";

/** A 30-second price for the dialog; the time left is measured on the server's (time-machine) clock. */
export async function quoteGoldAction(input: { side: "buy" | "sell" }): Promise<QuoteResult> {
  try {
    const q = await requestGoldQuote({ ctx: await getRequestCtx(), input });
    return {
      ok: true,
      quote: { quoteId: q.quoteId, side: q.side, pricePerGram: q.pricePerGram.toString(), validForMs: Math.max(0, q.expiresAt.getTime() - now().getTime()) },
    };
  } catch (e) {
    return domainFailure(e);
  }
}

/**
 * What an amount gives at the quoted price, computed by the same pure rules the trade uses
 * (lib/gold/trade-math.ts). Nothing is stored; the trade recomputes from the quote it consumes.
 */
export async function previewGoldTradeAction(input: { side: "buy" | "sell"; pricePerGram: string; mode: "rupiah" | "grams"; amount: string }): Promise<PreviewResult> {
  try {
    const ctx = await getRequestCtx();
    if (ctx.actor.type !== "user") return { ok: false, error: "unauthenticated" };
    if (!GOLD_TRADE_SIDES.includes(input.side) || !GOLD_TRADE_MODES.includes(input.mode) || !/^\d{1,12}$/.test(input.pricePerGram)) {
      throw new ValidationFailed({ amount: "required" });
    }
    const amount = parseTradeAmount(input.mode, String(input.amount));
    const a = tradeAmountsOrFieldError(input.side, input.mode, amount, BigInt(input.pricePerGram));
    return { ok: true, preview: { units: a.units.toString(), rupiah: a.rupiah.toString(), rounded: a.rounded, roundedField: a.roundedField } };
  } catch (e) {
    return domainFailure(e);
  }
}

/** Buys or sells with a quote; a sale short of grams reads as "insufficient_gold", not as missing cash. */
export async function tradeGoldAction(input: TradeInput): Promise<TradeResult> {
  try {
    const ctx = await getRequestCtx();
    const payload = { quoteId: input.quoteId, mode: input.mode, amount: input.amount, idempotencyKey: input.idempotencyKey };
    const result = input.side === "sell" ? await sellGold({ ctx, input: payload }) : await buyGold({ ctx, input: payload });
    revalidatePath("/lender/gold");
    const t = result.trade;
    return { ok: true, trade: { units: t.units.toString(), rupiah: t.rupiah.toString(), pricePerGram: t.pricePerGram.toString() } };
  } catch (e) {
    const failure = domainFailure(e);
    if (input.side === "sell" && failure.error === "insufficient_funds") return { ...failure, error: "insufficient_gold" };
    return failure;
  }
}
