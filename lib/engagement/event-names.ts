/**
 * The catalogue of events: every name, and for each a zod schema of its properties as stored (after
 * track's bigint → decimal string and Date → ISO string conversion). Server-side names are recorded in
 * the same transaction as the change; client-side names come through POST /api/track and are limited to
 * CLIENT_EVENT_NAMES. Client-safe (zod only): the browser tracker, /api/track, the segment builder and
 * the admin reference page (/admin/engagement/events) read the same schemas that track() validates with.
 *
 * The schemas are strict: a property the catalogue does not know is a mismatch, like a wrong type. In
 * tests and development track() throws on a mismatch (so the suite proves the catalogue matches what
 * the code records); in production it logs a warning and stores the event anyway.
 * The schemas live per area in ./events/catalogue/*.ts, built with the helpers of ./events/catalogue/kinds.ts.
 */
import type { z } from "zod";
import { ACCOUNT_EVENTS } from "./events/catalogue/account";
import { AUTO_PURCHASE_EVENTS } from "./events/catalogue/autopurchase";
import { CLIENT_EVENTS } from "./events/catalogue/client";
import { ENGAGEMENT_EVENTS } from "./events/catalogue/engagement";
import { GOLD_EVENTS } from "./events/catalogue/gold";
import { describeProperties, type PropertyDescriptor } from "./events/catalogue/kinds";
import { KYC_EVENTS } from "./events/catalogue/kyc";
import { LOAN_EVENTS } from "./events/catalogue/loans";
import { MONEY_EVENTS } from "./events/catalogue/money";

export type { PropertyKind, PropertyDescriptor } from "./events/catalogue/kinds";

export const SERVER_EVENT_NAMES = [
  "user_signed_up",
  "user_signed_in",
  "sign_in_failures_burst",
  "user_signed_out",
  "user_locale_changed",
  // Sessions and account security (lib/auth/sessions.ts, second-factor.ts, lib/system/user-suspension.ts).
  "user_signed_out_everywhere",
  "user_password_changed",
  "user_reauthenticated",
  "user_suspended",
  "user_reactivated",
  "second_factor_enrolled",
  "second_factor_recovery_code_used",
  "second_factor_disabled",
  "second_factor_recovery_codes_regenerated",
  "clock_advanced",
  // Money core: recorded with track(tx, …) in the transaction that moves the money.
  "topup_requested",
  "topup_paid",
  "withdrawal_requested",
  "withdrawal_paid",
  "withdrawal_rejected",
  // e-KYC (lender) / KYB (borrower): recorded in the transaction that saves, submits or decides.
  "kyc_step_completed",
  "kyc_submitted",
  "kyc_step_approved",
  "kyc_step_rejected",
  "kyc_approved",
  "kyc_rejected",
  // Suitability before the first investment.
  "risk_disclosure_accepted",
  "risk_quiz_failed",
  "risk_quiz_passed",
  // Loans: the borrower journey, funding, servicing. Recorded in the transaction of the change.
  "loan_application_started",
  "loan_application_step_completed",
  "loan_application_document_uploaded",
  "loan_application_submitted",
  "loan_application_declined",
  "loan_application_approved",
  "loan_application_rejected",
  "loan_application_info_requested",
  "loan_application_info_provided",
  "loan_listed",
  "loan_invested",
  "loan_funded",
  "loan_funding_cancelled",
  "loan_agreement_accepted",
  "loan_disbursed",
  "loan_repayment_link_created",
  "loan_repayment_received",
  "installment_due_soon",
  "installment_paid",
  "installment_late",
  "loan_early_payoff",
  "loan_repaid",
  "loan_defaulted",
  "loan_restructure_proposed",
  "loan_restructure_consented",
  "loan_restructured",
  "loan_written_off",
  "loan_recovery_received",
  // Lender cart: each carries the product code, so cart-to-checkout can be measured per product.
  "cart_item_added",
  "checkout_started",
  "checkout_completed",
  // Gold: each trade carries the price and its change over the last 7 days (lib/gold/trade-core.ts).
  "gold_bought",
  "gold_sold",
  "gold_recurring_buy_set",
  "gold_recurring_buy_skipped",
  "gold_price_alert_set",
  "gold_alert_triggered",
  "gold_withdrawal_requested",
  "gold_withdrawal_status_changed",
  "gold_settings_updated",
  // Auto-purchase (lib/autopurchase): the auto-purchase journey keys on enabled/disabled/executed.
  "auto_purchase_poa_accepted",
  "auto_purchase_strategy_created",
  "auto_purchase_strategy_updated",
  "auto_purchase_strategy_archived",
  "auto_purchase_enabled",
  "auto_purchase_disabled",
  "auto_purchase_executed",
  "auto_purchase_skipped",
  // Engagement (lib/engagement/segments): membership changes; journeys trigger on them.
  "segment_entered",
  "segment_exited",
] as const;

// gold_price_viewed is a client event: the gold page sends it (with the prices it shows) when the
// price is on screen, so cached or prefetched renders do not count as views.
// session_started and element_clicked come from the first-party tracker (components/tracking/).
export const CLIENT_EVENT_NAMES = ["page_viewed", "session_started", "element_clicked", "cta_clicked", "gold_price_viewed"] as const;

export type ServerEventName = (typeof SERVER_EVENT_NAMES)[number];
export type ClientEventName = (typeof CLIENT_EVENT_NAMES)[number];
export type EventName = ServerEventName | ClientEventName;

export function isClientEventName(name: string): name is ClientEventName {
  return (CLIENT_EVENT_NAMES as readonly string[]).includes(name);
}

export const EVENT_NAMES: readonly EventName[] = [...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(EVENT_SCHEMAS, name);
}

/** Each event's properties (strict zod objects). */
export const EVENT_SCHEMAS = {
  ...ACCOUNT_EVENTS,
  ...MONEY_EVENTS,
  ...KYC_EVENTS,
  ...LOAN_EVENTS,
  ...GOLD_EVENTS,
  ...AUTO_PURCHASE_EVENTS,
  ...ENGAGEMENT_EVENTS,
  ...CLIENT_EVENTS,
} satisfies Record<EventName, z.ZodObject>;

// Every schema belongs to a name of the lists above (and every name has one, by `satisfies`).
type Unlisted = Exclude<keyof typeof EVENT_SCHEMAS, EventName>;
const _noUnlisted: Unlisted extends never ? true : never = true;
void _noUnlisted;

/** The stored properties of an event, as the catalogue types them. */
export type EventProperties<N extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[N]>;

const described = new Map<string, PropertyDescriptor[]>();

/**
 * An event's properties with their kinds (enum values listed), in declaration order; nested objects as
 * dotted keys ("before.spreadBps"), maps as "key.*". Empty for an unknown name.
 */
export function eventProperties(name: string): PropertyDescriptor[] {
  if (!isEventName(name)) return [];
  let list = described.get(name);
  if (!list) described.set(name, (list = describeProperties(EVENT_SCHEMAS[name])));
  return list;
}

export type PropertyIssue = { path: string; message: string };

/**
 * Checks stored-form properties against the event's schema: the issues (property path and zod's
 * message), an empty list when they match, or one issue for an unknown name.
 */
export function checkEventProperties(name: string, properties: unknown): PropertyIssue[] {
  if (!isEventName(name)) return [{ path: "", message: `unknown event name ${name}` }];
  const result = EVENT_SCHEMAS[name].safeParse(properties);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.code === "unrecognized_keys" ? `unknown properties ${i.keys.join(", ")}` : i.message,
  }));
}
