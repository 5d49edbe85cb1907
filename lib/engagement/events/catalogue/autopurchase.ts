/** Auto-purchase (lib/autopurchase): the auto-purchase journey keys on enabled/disabled/executed. */
import { bool, enumOf, id, int, money, props, text } from "./kinds";
import { AUTO_PURCHASE_SKIP_REASONS, SUBGRADES } from "./enums";

export const AUTO_PURCHASE_EVENTS = {
  auto_purchase_poa_accepted: props({ version: int() }),
  auto_purchase_strategy_created: props({ strategyId: id(), amountPerLoan: money(), budget: money(), reinvest: bool() }),
  auto_purchase_strategy_updated: props({ strategyId: id(), amountPerLoan: money(), budget: money() }),
  auto_purchase_strategy_archived: props({ strategyId: id() }),
  auto_purchase_enabled: props({ strategyId: id(), amountPerLoan: money(), budget: money(), reinvest: bool() }),
  // Turned off by the lender (with the strategy's figures) or by archiving an active strategy (archived: true).
  auto_purchase_disabled: props({
    strategyId: id(),
    amountPerLoan: money().optional(),
    budget: money().optional(),
    reinvest: bool().optional(),
    archived: bool().optional(),
  }),
  auto_purchase_executed: props({ loanId: id(), strategyId: id(), amount: money(), productCode: text(), subgrade: enumOf(SUBGRADES), investmentId: id() }),
  auto_purchase_skipped: props({
    loanId: id(),
    strategyId: id(),
    reason: enumOf(AUTO_PURCHASE_SKIP_REASONS),
    requested: money(),
    productCode: text(),
    subgrade: enumOf(SUBGRADES),
  }),
} as const;
