/**
 * What "Recent activity" shows: which events a user sees, and the typed figures of each sentence.
 * Client-safe and pure. Every name in ACTIVITY_EVENT_NAMES has a sentence `activity.names.<name>` in
 * messages/en.json and messages/id.json, and each entry of ACTIVITY_PARAMS a sentence with figures
 * `activity.details.<name>` (activity.test.ts fails otherwise); the list query returns only these names,
 * so a raw event name never reaches the page.
 */
import { gold, idr, type MessageParams } from "@/lib/money/params";
import { CLIENT_EVENT_NAMES, SERVER_EVENT_NAMES, type EventName } from "./event-names";

/**
 * Browser events are measurement, not something the user did: page views, clicks, a price seen. Segment
 * entries and exits are the platform's view of the user, not theirs.
 */
export const HIDDEN_FROM_ACTIVITY: readonly EventName[] = [...CLIENT_EVENT_NAMES, "segment_entered", "segment_exited"];

export const ACTIVITY_EVENT_NAMES: readonly EventName[] = [...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES].filter((n) => !HIDDEN_FROM_ACTIVITY.includes(n));

type ParamType = "idr" | "gold" | "count";
/** For a sentence with figures: the message parameter → [the event property it comes from, its type]. */
export const ACTIVITY_PARAMS: Partial<Record<EventName, Record<string, [string, ParamType]>>> = {
  topup_requested: { amount: ["amount", "idr"] },
  topup_paid: { amount: ["amount", "idr"] },
  withdrawal_requested: { amount: ["amount", "idr"] },
  withdrawal_paid: { amount: ["amount", "idr"] },
  withdrawal_rejected: { amount: ["amount", "idr"] },
  loan_application_submitted: { amount: ["amount", "idr"] },
  loan_invested: { amount: ["amount", "idr"] },
  loan_funded: { amount: ["principal", "idr"] },
  loan_disbursed: { amount: ["net", "idr"] },
  loan_repayment_link_created: { amount: ["amount", "idr"] },
  loan_repayment_received: { amount: ["amount", "idr"] },
  loan_recovery_received: { amount: ["amount", "idr"] },
  installment_due_soon: { number: ["number", "count"], amount: ["owed", "idr"] },
  installment_paid: { number: ["number", "count"] },
  installment_late: { number: ["number", "count"], amount: ["owed", "idr"] },
  loan_early_payoff: { amount: ["amount", "idr"] },
  loan_repaid: { amount: ["principal", "idr"] },
  cart_item_added: { amount: ["amount", "idr"] },
  gold_bought: { grams: ["units", "gold"], amount: ["rupiah", "idr"] },
  gold_sold: { grams: ["units", "gold"], amount: ["rupiah", "idr"] },
  auto_purchase_executed: { amount: ["amount", "idr"] },
};

const WHOLE = /^-?\d{1,30}$/;

/**
 * The typed parameters of an event's sentence with figures, or null when the event has none or a
 * property is missing or malformed (older rows): the plain sentence is shown then.
 */
export function activityParams(name: string, properties: unknown): MessageParams | null {
  const spec = ACTIVITY_PARAMS[name as EventName];
  if (!spec || typeof properties !== "object" || properties === null) return null;
  const props = properties as Record<string, unknown>;
  const out: MessageParams = {};
  for (const [param, [prop, type]] of Object.entries(spec)) {
    const v = props[prop];
    const text = typeof v === "number" && Number.isInteger(v) ? String(v) : typeof v === "string" ? v : null;
    if (text === null || !WHOLE.test(text)) return null;
    out[param] = type === "idr" ? idr(text) : type === "gold" ? gold(text) : Number(text);
  }
  return out;
}

export function isActivityEvent(name: string): boolean {
  return (ACTIVITY_EVENT_NAMES as readonly string[]).includes(name);
}
