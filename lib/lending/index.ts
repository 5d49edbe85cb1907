import "server-only";
/** Lender suitability (risk disclosure and understanding check) and lender limits. Lender KYC itself is lib/kyc. */
export * from "./schemas";
export { acceptRiskDisclosure, answerRiskQuiz, getMyRiskStatus, assertRiskCheckPassed, RiskCheckRequired, type RiskStatus, type QuizResult } from "./risk";
export {
  lenderLimit,
  getMyLenderLimit,
  assertWithinLenderLimit,
  readLenderLimitSettings,
  updateLenderLimitSettings,
  DEFAULT_LENDER_LIMITS,
  LENDER_LIMITS_KEY,
  type LenderLimit,
} from "./limits";
