/**
 * What an admin decided, and about what: the closed lists the audit log accepts (client-safe, so the
 * page's filters and labels come from the same list as the writers).
 */
export const AUDIT_ACTIONS = [
  "kyc.step_approved",
  "kyc.step_rejected",
  "loan_application.approved",
  "loan_application.rejected",
  "loan_application.info_requested",
  "loan_product.created",
  "loan_product.updated",
  "loan.restructure_proposed",
  "loan.written_off",
  "loan.recovery_recorded",
  "loan.disbursed",
  "loan.funding_window_closed",
  "withdrawal.approved",
  "withdrawal.rejected",
  "wallet.settings_changed",
  "gold.settings_updated",
  "gold.withdrawal_printed",
  "gold.withdrawal_shipped",
  "gold.withdrawal_delivered",
  "gold.withdrawal_cancelled",
  "job.retried",
  "clock.advanced",
  "user.suspended",
  "user.reactivated",
  "user.second_factor_disabled",
  "user.recovery_codes_regenerated",
  "segment.created",
  "segment.updated",
  "segment.archived",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = [
  "user",
  "loan_application",
  "loan_product",
  "loan",
  "withdrawal",
  "gold_withdrawal",
  "settings",
  "job",
  "clock",
  "segment",
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** The message key of an action's label (next-intl keys cannot contain dots). */
export function auditActionKey(action: string): string {
  return action.replaceAll(".", "_");
}
