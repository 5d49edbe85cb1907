import "server-only";
/** Lender suitability (risk disclosure and understanding check) and lender limits. Lender KYC itself is lib/kyc. */
export * from "./schemas";
export { acceptRiskDisclosure, answerRiskQuiz, getMyRiskStatus, type QuizResult } from "./risk";
export { assertRiskCheckPassed, RiskCheckRequired, type RiskStatus } from "./internal/risk";
export { lenderLimit, assertWithinLenderLimit, readLenderLimitSettings, DEFAULT_LENDER_LIMITS, LENDER_LIMITS_KEY, type LenderLimit } from "./internal/limits";
export { getMyLenderLimit, updateLenderLimitSettings } from "./limits";
export { type LenderLimitSettings } from "./internal/limits";
export { riskStatusOf } from "./internal/risk";
export { limitFromIncome } from "./internal/limits";
