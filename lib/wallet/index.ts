import "server-only";
/** The wallet: balances, history, bank accounts, withdrawals and their settings. */
export * from "./schemas";
export { getMyWallet, getUserWalletForAdmin, type WalletView } from "./balances";
export { listMyMovements, listUserMovementsForAdmin, movementsCsv, movementTypeOf, type Movement } from "./history";
export { addBankAccount, listMyBankAccounts, removeBankAccount, type BankAccountView } from "./bank-accounts";
export {
  requestWithdrawal,
  approveWithdrawal,
  rejectWithdrawal,
  listMyWithdrawals,
  listWithdrawalQueue,
  type WithdrawalView,
} from "./withdrawals";
export { getWalletSettings, updateWalletSettings, readWalletSettings, type WalletSettings } from "./settings";
