/**
 * The catalogue of event names. Server-side names are recorded in the same transaction as the change;
 * client-side names come through POST /api/track and are limited to CLIENT_EVENT_NAMES.
 */
export const SERVER_EVENT_NAMES = [
  "user_signed_up",
  "user_signed_in",
  "user_signed_out",
  "user_locale_changed",
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
] as const;

export const CLIENT_EVENT_NAMES = ["page_viewed", "cta_clicked"] as const;

export type ServerEventName = (typeof SERVER_EVENT_NAMES)[number];
export type ClientEventName = (typeof CLIENT_EVENT_NAMES)[number];
export type EventName = ServerEventName | ClientEventName;

export function isClientEventName(name: string): name is ClientEventName {
  return (CLIENT_EVENT_NAMES as readonly string[]).includes(name);
}
