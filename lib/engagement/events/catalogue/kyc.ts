/** e-KYC / KYB (lib/kyc) and the suitability check before the first investment (lib/lending/risk.ts). */
import { bool, enumOf, id, int, list, props, text } from "./kinds";
import { KYC_STEPS, RISK_QUESTION_IDS } from "./enums";

const stepDecision = () => props({ step: enumOf(KYC_STEPS), reason: text().nullable(), adminId: id() });

export const KYC_EVENTS = {
  kyc_step_completed: props({ step: enumOf(KYC_STEPS), resubmission: bool() }),
  kyc_submitted: props({ version: int(), resubmission: bool() }),
  kyc_step_approved: stepDecision(),
  kyc_step_rejected: stepDecision(),
  kyc_approved: props({ version: int() }),
  kyc_rejected: props({ version: int(), steps: list(enumOf(KYC_STEPS)) }),
  // The disclosure's version is a text ("2026-11").
  risk_disclosure_accepted: props({ version: text() }),
  risk_quiz_failed: props({ version: text(), wrong: list(enumOf(RISK_QUESTION_IDS)) }),
  risk_quiz_passed: props({ version: text(), failedAttempts: int() }),
} as const;
