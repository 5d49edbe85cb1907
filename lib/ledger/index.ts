import "server-only";
/** The ledger: the only writer of ledger_accounts and ledger_transfers. Other areas go through here. */
export * from "./account-types";
export * from "./accounts";
export * from "./transfer";
export { ledgerHealth, computeLedgerHealth, type LedgerHealth, type HealthCheck, type TrialBalanceRow } from "./health";
