import "server-only";
/** The ledger: the only writer of ledger_accounts and ledger_transfers. Other areas go through here. */
export * from "./account-types";
export * from "./internal/accounts";
export * from "./internal/transfer";
export { ledgerHealth } from "./health";
export { computeLedgerHealth, type LedgerHealth, type HealthCheck, type TrialBalanceRow } from "./internal/health";
