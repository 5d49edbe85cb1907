import "server-only";
/** The wallet: balances, history, bank accounts, withdrawals and their settings. */
export * from "./schemas";
export { getMyWallet, getUserWalletForAdmin, type WalletView } from "./balances";
export { listMyMovements, listUserMovementsForAdmin, movementsCsv } from "./history";
export { movementTypeOf, type Movement } from "./internal/history";
export { addBankAccount, listMyBankAccounts, removeBankAccount } from "./bank-accounts";
export { type BankAccountView } from "./internal/bank-accounts";
export {
  requestWithdrawal,
  approveWithdrawal,
  rejectWithdrawal,
  listMyWithdrawals,
  listWithdrawalQueue,
  type WithdrawalView,
} from "./withdrawals";
export { getWalletSettings, updateWalletSettings } from "./settings";
export { readWalletSettings, type WalletSettings } from "./internal/settings";
