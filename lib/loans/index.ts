import "server-only";
/**
 * The loan engine's door (docs/ARCHITECTURE.md "Rules the linter keeps"): its pure cores and the
 * verbs and helpers other domains use. Server-side: client-safe code (forms, lib/<domain>/schemas.ts)
 * takes the pure modules it needs directly, e.g. lib/loans/grades.
 */
export * from "./grades";
export * from "./math";
export * from "./schedule";
export * from "./caps";
export * from "./scoring";
export * from "./distribution";
export * from "./allocation";
export { disburseLoan } from "./disburse";
export { closeFundingWindow } from "./funding-window";
export { runServicing } from "./servicing";
export { ensureLoanDefaults } from "./internal/defaults";
export { loansTimeJump } from "./time-jump";
export { invest } from "./invest";
export { lenderReturn } from "./lender-return";
