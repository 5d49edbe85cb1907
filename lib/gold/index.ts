import "server-only";
/**
 * Gold savings. API for the UI (names are stable; every verb/query takes { ctx, input? }):
 *
 * Lender queries
 *   getCurrentGoldPrice({ ctx })                 → GoldPriceView (buy, sell, mid, spread, change7dBps)
 *   getPriceHistory({ ctx, input: { range } })   → { range, points: { at, midPerGram, buyPerGram, sellPerGram, source }[] }
 *   getGoldHoldings({ ctx })                     → units, reservedUnits, value, costBasis, averageBuyPerGram, unrealisedGain, price
 *   listGoldTrades({ ctx, input: { page, pageSize } }) → { items, total, page, pageSize }
 *   exportGoldTrades({ ctx })                    → CSV text (goldTradesToCsv is the pure formatter)
 *   listRecurringPlans({ ctx }) · listPriceAlerts({ ctx }) · listMyGoldWithdrawals({ ctx })
 *   getWithdrawalOptions({ ctx })                → bar sizes with fee and lead time
 * Lender verbs
 *   requestGoldQuote({ ctx, input: { side } })   → { quoteId, side, pricePerGram, expiresAt, ttlSeconds }
 *   buyGold / sellGold({ ctx, input: { quoteId, mode: "rupiah"|"grams", amount, idempotencyKey } })
 *                                                → { trade, amounts (rounding info, null on replay), replayed }
 *     errors: Conflict "quote_expired" (ask for a new quote), InsufficientFunds (details.asset IDR|XAU),
 *             KycRequired "kyc_required", ValidationFailed { amount: amountTooSmall|… }
 *   createRecurringPlan / updateRecurringPlan / pauseRecurringPlan / deleteRecurringPlan
 *   createPriceAlert / deletePriceAlert
 *   requestGoldWithdrawal({ ctx, input: { barGrams, quantity, address, idempotencyKey } })
 *   cancelMyGoldWithdrawal({ ctx, input: { withdrawalId } }) → only while "requested"; grams and fee back
 * Admin
 *   getGoldSettings / updateGoldSettings({ basePerGram, spreadBps (typed as % — "5" — parsed to bps), usdIdrRate, withdrawalFees?, leadTimeDays? })
 *   getGoldTradeVolume({ ctx, input: { days } }) · getGoldInventory({ ctx })
 *   listGoldWithdrawalQueue({ ctx, input: { status, page } }) · advanceGoldWithdrawal · cancelGoldWithdrawal
 * Pure, client-safe helpers: ./schemas (inputs, constants), ./trade-math (computeTrade: rounding
 * preview), ./pricing (applySpread).
 */
export { getCurrentGoldPrice } from "./prices";
export { getLatestPrice, publishGoldPrice, type GoldPriceView } from "./internal/prices";
export { getPriceHistory, type GoldHistoryPoint } from "./history";
export { requestGoldQuote, isQuoteValid, type GoldQuote } from "./quotes";
export { buyGold } from "./buy";
export { sellGold } from "./sell";
export { parseTradeAmount, tradeAmountsOrFieldError, type GoldTradeResult } from "./internal/trade-core";
export { getGoldHoldings, type GoldHoldings } from "./holdings";
export { listGoldTrades, exportGoldTrades, goldTradesToCsv, type GoldTradeRow } from "./trades";
export { getGoldSettings, updateGoldSettings } from "./admin-settings";
export { readGoldSettings, type GoldSettings } from "./internal/settings";
export { ensureGoldDefaults } from "./internal/defaults";
export { computeTrade, type TradeAmounts } from "./trade-math";
export { listRecurringPlans, createRecurringPlan, updateRecurringPlan, pauseRecurringPlan, deleteRecurringPlan } from "./recurring";
export { runRecurringBuys, type RecurringSummary } from "./run-recurring";
export { nextRunAfter } from "./schedule";
export { listPriceAlerts, createPriceAlert, deletePriceAlert } from "./alerts";
export { getWithdrawalOptions, listMyGoldWithdrawals, requestGoldWithdrawal, type WithdrawalOption } from "./withdrawals";
export { listGoldWithdrawalQueue, advanceGoldWithdrawal, cancelGoldWithdrawal, cancelMyGoldWithdrawal } from "./withdrawal-admin";
export { getGoldTradeVolume, getGoldInventory, type GoldVolumeDay, type GoldInventory } from "./admin";
export { pruneExpiredQuotes } from "./internal/quotes";
export { goldTimeJump } from "./time-jump";
