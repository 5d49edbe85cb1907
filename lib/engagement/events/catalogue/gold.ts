/** Gold savings (lib/gold): trades, recurring buys, price alerts, physical withdrawals, admin settings. */
import { bps, enumOf, gold, id, instant, int, mapOf, money, nested, props, text } from "./kinds";
import { GOLD_ALERT_KINDS, GOLD_FREQUENCIES, GOLD_PLAN_ACTIONS, GOLD_RECURRING_SKIP_REASONS, GOLD_TRADE_MODES, GOLD_TRADE_SOURCES, GOLD_WITHDRAWAL_ACTORS, GOLD_WITHDRAWAL_STATUSES } from "./enums";

// Each trade carries the price and its change over the last 7 days (null without a price 7 days back).
const trade = () =>
  props({
    tradeId: id(),
    units: gold(),
    rupiah: money(),
    pricePerGram: money(),
    mode: enumOf(GOLD_TRADE_MODES),
    priceChange7dBps: bps().nullable(),
    source: enumOf(GOLD_TRADE_SOURCES),
    recurringPlanId: id().nullable(),
    pricedAt: instant().optional(),
  });

// The settings as stored (lib/gold/settings.ts toStored), before and after the change.
const settings = () =>
  nested({
    basePerGram: money(),
    spreadBps: bps(),
    usdIdrRate: money(),
    quoteTtlSeconds: int(),
    staleAfterSeconds: int(),
    withdrawalFees: mapOf(money()),
    leadTimeDays: mapOf(int()),
  });

const alert = { alertId: id(), kind: enumOf(GOLD_ALERT_KINDS), thresholdPerGram: money() };

export const GOLD_EVENTS = {
  gold_bought: trade(),
  gold_sold: trade(),
  // created/updated carry the plan's amount and schedule; paused/resumed/deleted only the plan.
  gold_recurring_buy_set: props({
    planId: id(),
    action: enumOf(GOLD_PLAN_ACTIONS),
    amount: money().optional(),
    frequency: enumOf(GOLD_FREQUENCIES).optional(),
    hour: int().optional(),
    dayOfWeek: int().nullish(),
    dayOfMonth: int().nullish(),
  }),
  gold_recurring_buy_skipped: props({ planId: id(), scheduledFor: instant(), amount: money(), reason: enumOf(GOLD_RECURRING_SKIP_REASONS) }),
  gold_price_alert_set: props(alert),
  gold_alert_triggered: props({ ...alert, pricePerGram: money() }),
  gold_withdrawal_requested: props({ withdrawalId: id(), barGrams: int(), quantity: int(), units: gold(), fee: money(), leadTimeDays: int() }),
  gold_withdrawal_status_changed: props({
    withdrawalId: id(),
    from: enumOf(GOLD_WITHDRAWAL_STATUSES),
    to: enumOf(GOLD_WITHDRAWAL_STATUSES),
    units: gold(),
    fee: money(),
    reason: text().nullable(),
    by: id(),
    actorRole: enumOf(GOLD_WITHDRAWAL_ACTORS),
  }),
  gold_settings_updated: props({ before: settings(), after: settings() }),
} as const;
