/** Cash in and out: top-ups (lib/payments) and withdrawals (lib/wallet). */
import { bool, enumOf, id, money, props, text } from "./kinds";
import { TOPUP_METHODS } from "./enums";

const topUp = () => props({ topUpId: id(), amount: money(), method: enumOf(TOPUP_METHODS), bank: text().nullable() });

export const MONEY_EVENTS = {
  topup_requested: topUp(),
  topup_paid: topUp(),
  withdrawal_requested: props({ withdrawalId: id(), amount: money(), fee: money(), bank: text() }),
  withdrawal_paid: props({ withdrawalId: id(), amount: money(), fee: money(), bank: text(), automatic: bool() }),
  withdrawal_rejected: props({ withdrawalId: id(), amount: money(), fee: money(), reason: text().nullable() }),
} as const;
